namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>One Alertmanager webhook delivery of a burst.</summary>
/// <param name="Wave">1: each group fires; 2: second alerts join; 3: groups resolve. A group's deliveries must be sent in wave order.</param>
public sealed record BurstDelivery(BurstGroup Group, int Wave, string Json);
