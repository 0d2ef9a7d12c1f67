using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Deliveries parked as failed (a 404 or 422 that retrying cannot fix), for a person to see and, once the cause is
/// fixed, retry. Each Alertmanager token sees and retries only the deliveries of the repositories it reaches.
/// </summary>
public sealed class FailedDeliveries(IInbox inbox, InboxSignal signal)
{
    private const int MaxListed = 500;

    /// <summary>The failed deliveries <paramref name="caller"/> reaches, oldest first.</summary>
    public async Task<IReadOnlyList<InboxEntry>> ListAsync(AlertmanagerToken caller, CancellationToken cancellationToken) =>
        (await inbox.ListFailedAsync(MaxListed, cancellationToken)).Where(entry => Reaches(caller, entry)).ToList();

    /// <summary>Puts delivery <paramref name="id"/> back to pending and wakes a worker; false when it is not a failed delivery <paramref name="caller"/> reaches.</summary>
    public async Task<bool> RetryAsync(AlertmanagerToken caller, long id, CancellationToken cancellationToken)
    {
        if (!(await ListAsync(caller, cancellationToken)).Any(entry => entry.Id == id) || !await inbox.RetryFailedAsync(id, cancellationToken))
        {
            return false;
        }

        signal.Wake();
        return true;
    }

    private static bool Reaches(AlertmanagerToken caller, InboxEntry entry) =>
        RepoRef.TryParse(entry.Item.Repo, out var repo) && caller.Scope.Allows(repo);
}
