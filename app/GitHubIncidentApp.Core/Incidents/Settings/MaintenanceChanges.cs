using System.Threading.Channels;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// The repositories whose maintenance windows changed when their settings were read fresh from GitHub, so their
/// silences are brought in step soon rather than at the next periodic pass. Bounded: past
/// <see cref="RepoSettingsCache.MaxRepositories"/> waiting, a change is left to that pass.
/// </summary>
public sealed class MaintenanceChanges
{
    private readonly Channel<RepoRef> _changed = Channel.CreateBounded<RepoRef>(
        new BoundedChannelOptions(RepoSettingsCache.MaxRepositories) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public ChannelReader<RepoRef> Changed => _changed.Reader;

    /// <summary>Notes <paramref name="repo"/> when its windows went from <paramref name="before"/> (null: never read) to <paramref name="after"/>.</summary>
    public void Compare(RepoRef repo, IReadOnlyList<MaintenanceWindow>? before, IReadOnlyList<MaintenanceWindow> after)
    {
        if (!Ids(before ?? []).SetEquals(Ids(after)))
        {
            _changed.Writer.TryWrite(repo);
        }
    }

    private static HashSet<string> Ids(IReadOnlyList<MaintenanceWindow> windows) => windows.Select(window => window.Id).ToHashSet(StringComparer.Ordinal);
}
