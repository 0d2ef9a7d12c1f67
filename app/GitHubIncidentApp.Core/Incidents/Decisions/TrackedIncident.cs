namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>An incident found in the index: its key, its state and its issue.</summary>
public sealed record TrackedIncident(string Key, IncidentState State, IncidentIssue Issue)
{
    public KnownIncident Known => new(State, Issue.Number);
}
