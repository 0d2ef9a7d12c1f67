namespace GitHubIncidentApp.Core.Commands;

/// <summary>A slash command as written on one line of a comment.</summary>
/// <param name="Name">Lower-case, as typed (an alias stays an alias), without the '/'.</param>
/// <param name="Arguments">The rest of the line, trimmed, without HTML comments.</param>
/// <param name="LineNumber">1-based line of the comment, to point at it in replies.</param>
public sealed record CommandLine(string Name, string Arguments, int LineNumber);
