using Scriban;
using Scriban.Parsing;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>Checks templates before they meet real alerts, for the <c>validate</c> command and for config checks.</summary>
public static class TemplateSyntax
{
    /// <summary>
    /// Parse errors as "line L, col C: message"; a template that parses is then rendered in the sandbox on a sample
    /// incident (each comment event for a comment template), so runtime failures such as an unknown function or a
    /// loop limit show up too. Empty when the template is fine.
    /// </summary>
    public static IReadOnlyList<string> Validate(TemplateKind kind, string source)
    {
        var template = Template.Parse(source);
        var errors = Describe(template);
        if (errors.Count > 0)
        {
            return errors;
        }

        var sandbox = new TemplateSandbox(TemplateLimits.Default, TimeProvider.System);
        var mode = kind == TemplateKind.Title ? TextMode.Plain : TextMode.Markdown;
        var outputLimit = kind == TemplateKind.Title ? IncidentRenderer.TitleOutputLimit : IncidentRenderer.MaxGitHubBodyLength;
        var problems = new List<string>();
        foreach (var incidentEvent in SampleIncident.EventsFor(kind))
        {
            var view = SampleIncident.View(incidentEvent);
            var outcome = sandbox.Run(template, TemplateModel.Build(view, mode, int.MaxValue), outputLimit);
            if (outcome.Error is { } error)
            {
                problems.Add($"on a sample '{incidentEvent}' incident, {error}");
            }
            else if (string.IsNullOrWhiteSpace(outcome.Text))
            {
                problems.Add($"on a sample '{incidentEvent}' incident, the template renders nothing");
            }
        }

        return problems;
    }

    /// <summary>A label with <c>{{</c> is a template, rendered for each incident; any other is a fixed name.</summary>
    public static bool IsLabelTemplate(string label) => label.Contains("{{", StringComparison.Ordinal);

    /// <summary>Parse errors of a label template such as <c>team/{{ labels.team }}</c>, each as "line L, col C: message".</summary>
    public static IReadOnlyList<string> ValidateLabel(string source) => Describe(Template.Parse(source));

    internal static IReadOnlyList<string> Describe(Template template) =>
        [.. template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => $"{Position(m.Span)}: {m.Message}")];

    /// <summary>Scriban counts from zero; editors count from one.</summary>
    internal static string Position(SourceSpan span) => $"line {span.Start.Line + 1}, col {span.Start.Column + 1}";
}
