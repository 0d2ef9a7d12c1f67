namespace GitHubIncidentApp.Core.Storage;

/// <summary>Told what became of each delivery the inbox processed; a host counts them (the App at <c>/metrics</c>).</summary>
public interface IDeliveryMetrics
{
    void Processed(ProcessingOutcome outcome);
}
