using System.Collections.Concurrent;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// People's roles, kept for a minute: a burst of commands costs one lookup, and a role taken away
/// stops working soon.
/// </summary>
public sealed class PermissionCache(IGitHubPort github, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<(RepoRef Repo, string Login), (RepoPermission Permission, DateTimeOffset ReadAt)> _cache = new();

    public async Task<RepoPermission> GetAsync(RepoRef repo, string login, CancellationToken cancellationToken)
    {
        var key = (repo, login.ToUpperInvariant());
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var entry) && now - entry.ReadAt < Lifetime)
        {
            return entry.Permission;
        }

        var permission = await github.GetPermissionAsync(repo, login, cancellationToken);
        _cache[key] = (permission, now);
        return permission;
    }
}
