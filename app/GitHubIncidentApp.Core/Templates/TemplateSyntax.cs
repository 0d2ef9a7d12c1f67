using Scriban;
using Scriban.Parsing;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>Checks template syntax without rendering, for the <c>validate</c> command and for config checks.</summary>
public static class TemplateSyntax
{
    /// <summary>Parse errors of a title, body or comment template, each as "line L, col C: message"; empty when it parses.</summary>
    public static IReadOnlyList<string> Validate(TemplateKind kind, string source) => Validate(source);

    /// <summary>Parse errors of any template (label templates included), each as "line L, col C: message".</summary>
    public static IReadOnlyList<string> Validate(string source) => Describe(Template.Parse(source));

    internal static IReadOnlyList<string> Describe(Template template) =>
        [.. template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => $"{Position(m.Span)}: {m.Message}")];

    /// <summary>Scriban counts from zero; editors count from one.</summary>
    internal static string Position(SourceSpan span) => $"line {span.Start.Line + 1}, col {span.Start.Column + 1}";
}
