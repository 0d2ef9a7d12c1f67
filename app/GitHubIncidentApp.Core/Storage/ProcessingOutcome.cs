namespace GitHubIncidentApp.Core.Storage;

/// <summary>What one attempt at a delivery came to.</summary>
public enum ProcessingOutcome
{
    /// <summary>Applied; the delivery is complete.</summary>
    Done,

    /// <summary>Failed in a way GitHub may get over; tried again later.</summary>
    Retried,

    /// <summary>Parked as failed: retrying cannot fix it, a person has to look.</summary>
    Failed,

    /// <summary>Never processed: an identical Alertmanager delivery of its incident, waiting before it, is processed instead.</summary>
    Superseded,
}
