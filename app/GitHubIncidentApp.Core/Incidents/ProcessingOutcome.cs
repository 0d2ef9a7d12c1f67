namespace GitHubIncidentApp.Core.Incidents;

/// <summary>What one attempt at a delivery came to.</summary>
public enum ProcessingOutcome
{
    /// <summary>Applied; the delivery is complete.</summary>
    Done,

    /// <summary>Failed in a way GitHub may get over; tried again later.</summary>
    Retried,

    /// <summary>Parked as failed: retrying cannot fix it, a person has to look.</summary>
    Failed,

    /// <summary>Never processed: a newer Alertmanager delivery of its incident, carrying the whole group's state, was.</summary>
    Superseded,
}
