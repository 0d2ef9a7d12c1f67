using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// What each repository's settings were last built from on GitHub, kept in the app's own database: a restarted
/// process or another replica reuses a read younger than the settings' lifetime instead of calling GitHub again,
/// so a backlog drained after a restart costs no call at all.
/// </summary>
public interface ISettingsSnapshots
{
    Task<SettingsSnapshot?> FindAsync(RepoRef repo, CancellationToken cancellationToken);

    Task SaveAsync(RepoRef repo, SettingsSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>The repositories with a snapshot, most recently read first, at most <paramref name="limit"/>: those the app works for.</summary>
    Task<IReadOnlyList<RepoRef>> ListAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The next read of <paramref name="repo"/>'s settings goes to GitHub (the app changed them).</summary>
    Task ForgetAsync(RepoRef repo, CancellationToken cancellationToken);
}

/// <summary>The files read (null content: no such file) and the override ledger issue, when one was looked for and found.</summary>
public sealed record SettingsSnapshot(DateTimeOffset ReadAt, IReadOnlyList<SnapshotFile> Files, SnapshotLedger? Ledger);

/// <summary>A file as read from <paramref name="Repo"/> (<c>owner/name</c>: the repository itself, or one its config extends).</summary>
public sealed record SnapshotFile(string Repo, string Path, string? Content);

public sealed record SnapshotLedger(int Issue, string Body);
