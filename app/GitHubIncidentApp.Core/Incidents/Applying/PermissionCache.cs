using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// People's roles, kept for a minute: a burst of commands costs one lookup, and a role taken away
/// stops working soon.
/// </summary>
public sealed class PermissionCache(IGitHubPort github, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>People and repositories whose roles are kept at once; past it the least recently asked are looked up again.</summary>
    public const int MaxEntries = 10_000;

    private readonly KeyedAsyncCache<(RepoRef Repo, string Login), RepoPermission> _cache = new(time, MaxEntries, _ => time.GetUtcNow() + Lifetime);

    public Task<RepoPermission> GetAsync(RepoRef repo, string login, CancellationToken cancellationToken) =>
        _cache.GetAsync((repo, login.ToUpperInvariant()), _ => github.GetPermissionAsync(repo, login, cancellationToken), cancellationToken);
}
