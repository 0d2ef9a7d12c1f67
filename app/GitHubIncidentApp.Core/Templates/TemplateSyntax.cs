using Scriban;
using Scriban.Parsing;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>Checks templates before they meet real alerts, for the <c>validate</c> command and for config checks.</summary>
public static class TemplateSyntax
{
    /// <summary>
    /// Runs a template that parses in the sandbox on a sample incident (each comment event for a comment template), so
    /// runtime failures such as an unknown function or a loop limit show up before real alerts meet them. Empty when
    /// the template is fine, and for one that does not parse: its <see cref="ParseErrors"/> say what is wrong.
    /// </summary>
    public static IReadOnlyList<string> SampleFailures(TemplateKind kind, string source)
    {
        var template = Template.Parse(source);
        if (template.HasErrors)
        {
            return [];
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

    /// <summary>Parse errors of a template file or of a label template such as <c>team/{{ labels.team }}</c>; empty when it parses.</summary>
    public static IReadOnlyList<TemplateError> ParseErrors(string source) => Errors(Template.Parse(source));

    internal static IReadOnlyList<TemplateError> Errors(Template template) =>
        [.. template.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => TemplateError.At(m.Span, m.Message))];
}
