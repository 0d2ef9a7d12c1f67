namespace GitHubIncidentApp.Core.Commands;

public sealed record AckCommand : BoundCommand;

public sealed record UnackCommand : BoundCommand;

/// <param name="Note">What the responder wrote after <c>/resolve</c>; null when nothing.</param>
public sealed record ResolveCommand(string? Note) : BoundCommand;

public sealed record ReopenCommand : BoundCommand;

/// <param name="Level">The canonical name of a configured level, whatever alias was typed.</param>
public sealed record SeverityCommand(string Level) : BoundCommand;

/// <param name="Logins">Distinct logins without '@', in the order written; the commenter when none was named.</param>
public sealed record AssignCommand(IReadOnlyList<string> Logins) : BoundCommand;

/// <param name="Logins">Distinct logins without '@', in the order written; the commenter when none was named.</param>
public sealed record UnassignCommand(IReadOnlyList<string> Logins) : BoundCommand;

/// <param name="On">Whether the incident closes by itself once its alerts resolve.</param>
public sealed record AutoCloseCommand(bool On) : BoundCommand;

/// <param name="Phase">investigating, identified or monitoring, lower-case.</param>
public sealed record StatusCommand(string Phase, string Text) : BoundCommand;

public sealed record TimelineCommand(string Text) : BoundCommand;

public sealed record EscalateCommand : BoundCommand;

public sealed record PostmortemCommand : BoundCommand;

/// <param name="Take">With <c>take</c>: how long the commenter holds the rotation; null only shows who is on call.</param>
/// <param name="Rotation">The rotation to take; null: the one whose people are on call now.</param>
public sealed record OnCallCommand(TimeSpan? Take = null, string? Rotation = null) : BoundCommand;

public sealed record HelpCommand : BoundCommand;

/// <param name="Labels">The group's label values to match; a bare word written alone is its <c>alertname</c>.</param>
public sealed record SplitCommand(IReadOnlyDictionary<string, string> Labels) : BoundCommand;

/// <param name="Duration">How long the silence lasts, within the repository's maximum.</param>
/// <param name="Narrowing">Matchers the responder gave; they are added to the incident's group labels, never in their place.</param>
public sealed record SilenceCommand(TimeSpan Duration, IReadOnlyList<Alerts.Matchers.Matcher> Narrowing) : BoundCommand;

public sealed record UnsilenceCommand : BoundCommand;
