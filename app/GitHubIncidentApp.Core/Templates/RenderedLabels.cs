namespace GitHubIncidentApp.Core.Templates;

/// <param name="Names">The rendered labels, in the config's order.</param>
/// <param name="Warnings">Label templates that failed (their labels are left out), and why.</param>
public sealed record RenderedLabels(IReadOnlyList<string> Names, IReadOnlyList<string> Warnings);
