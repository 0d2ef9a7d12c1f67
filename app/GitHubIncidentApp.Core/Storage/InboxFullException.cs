namespace GitHubIncidentApp.Core.Storage;

/// <summary>The inbox holds as many unprocessed deliveries as it may; senders must retry later (the endpoints answer 503).</summary>
public sealed class InboxFullException(long backlog)
    : Exception($"the inbox already holds {backlog} unprocessed deliveries, its limit; GitHub is probably unreachable or rate-limiting (see GET /healthz and the logs)")
{
    public long Backlog { get; } = backlog;
}
