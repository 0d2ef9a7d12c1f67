namespace GitHubIncidentApp.Action;

/// <summary>The run cannot do its work; the message says what was wrong and how to fix it.</summary>
public sealed class ActionFailedException(string message) : Exception(message);
