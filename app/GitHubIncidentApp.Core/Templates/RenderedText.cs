namespace GitHubIncidentApp.Core.Templates;

/// <param name="Text">The rendered text, within GitHub's limits.</param>
/// <param name="Warnings">Why the text is not what the repository template alone would give: a fall back to the built-in template, alerts left out, a cut.</param>
public sealed record RenderedText(string Text, IReadOnlyList<string> Warnings);
