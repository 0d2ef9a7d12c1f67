namespace GitHubIncidentApp.Core.OnCall;

/// <summary>Steps that notify more people while an incident stays unacknowledged.</summary>
/// <param name="Repeat">How many more times the whole list of steps runs after the first round.</param>
public sealed record EscalationPolicy(string Name, IReadOnlyList<EscalationStep> Steps, int Repeat);

/// <summary>Notifies its targets, then waits before the next step.</summary>
public sealed record EscalationStep(IReadOnlyList<OnCallTarget> Notify, TimeSpan Wait);
