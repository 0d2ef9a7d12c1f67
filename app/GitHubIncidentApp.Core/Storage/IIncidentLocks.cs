namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// One holder per incident key at a time. The inbox already hands out one delivery per key; this also
/// covers two keys that meet in one incident (a config whose key labels join several Alertmanager
/// groups), so two workers, or two replicas, never both open its issue.
/// </summary>
public interface IIncidentLocks
{
    /// <summary>Waits until no one else holds <paramref name="key"/>; dispose the result to let the next one in.</summary>
    Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken);
}
