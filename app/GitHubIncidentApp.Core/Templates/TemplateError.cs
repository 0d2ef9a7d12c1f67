using Scriban.Parsing;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>A template that does not parse or fails, at a line and column of its source (counted from 1).</summary>
public sealed record TemplateError(int Line, int Column, string Message)
{
    /// <summary>Scriban counts from zero; editors count from one.</summary>
    internal static TemplateError At(SourceSpan span, string message) => new(span.Start.Line + 1, span.Start.Column + 1, message);

    public override string ToString() => $"line {Line}, col {Column}: {Message}";
}
