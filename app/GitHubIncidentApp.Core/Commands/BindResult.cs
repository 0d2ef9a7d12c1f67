namespace GitHubIncidentApp.Core.Commands;

/// <summary>What <see cref="CommandCatalog.Bind"/> makes of a command line: a <see cref="BoundCommand"/> or a <see cref="CommandError"/>.</summary>
public abstract record BindResult;

/// <summary>A known command whose arguments are valid, ready for the incident to act on.</summary>
public abstract record BoundCommand : BindResult;

/// <summary>Why a command line cannot run, as a sentence for the reply to the responder (Markdown).</summary>
public sealed record CommandError(string Message) : BindResult;
