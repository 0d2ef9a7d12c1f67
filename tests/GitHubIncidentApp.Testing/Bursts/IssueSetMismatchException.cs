namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>The issues on the fake GitHub are not the set a burst must leave; the message lists every difference.</summary>
public sealed class IssueSetMismatchException(string message) : Exception(message);
