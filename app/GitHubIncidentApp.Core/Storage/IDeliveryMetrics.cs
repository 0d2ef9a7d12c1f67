namespace GitHubIncidentApp.Core.Storage;

/// <summary>Told what became of each delivery the inbox processed; <see cref="DeliveryMetrics"/> counts them on the core's meter.</summary>
public interface IDeliveryMetrics
{
    void Processed(ProcessingOutcome outcome);
}
