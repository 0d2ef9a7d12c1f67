using System.Collections.Concurrent;
using Scriban;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>
/// Renders incident titles, bodies, comments and labels from the repository's templates, falling back to
/// the built-in templates whenever a repository template does not parse or fails at runtime. Never throws.
/// </summary>
public sealed class IncidentRenderer
{
    /// <summary>GitHub rejects issue and comment bodies longer than this (422).</summary>
    public const int MaxGitHubBodyLength = 65_536;
    public const int MaxTitleLength = 256;
    public const int MaxLabelLength = 50;

    internal const int TitleOutputLimit = 4_096;

    private readonly Dictionary<TemplateKind, RepoTemplate?> _repoTemplates = [];
    private readonly ConcurrentDictionary<string, Template> _labelTemplates = new(StringComparer.Ordinal);
    private readonly List<(TemplateKind Kind, TemplateError Error)> _problems = [];

    public IncidentRenderer(TemplateSources sources, TemplateLimits? limits = null, TimeProvider? timeProvider = null)
    {
        var time = timeProvider ?? TimeProvider.System;
        Sandbox = new TemplateSandbox(limits ?? TemplateLimits.Default, time);
        BuiltInSandbox = new TemplateSandbox(TemplateLimits.BuiltIn, time);
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            _repoTemplates[kind] = Parse(kind, sources.SourceOf(kind), sources.PathOf(kind));
        }
    }

    /// <summary>The same parsed templates, with repository templates rendered in <paramref name="sandbox"/>.</summary>
    private IncidentRenderer(IncidentRenderer shared, TemplateSandbox sandbox)
    {
        _repoTemplates = shared._repoTemplates;
        _labelTemplates = shared._labelTemplates;
        _problems = shared._problems;
        Sandbox = sandbox;
        BuiltInSandbox = shared.BuiltInSandbox;
    }

    /// <summary>Whether the repository gave title, body, comment or post-mortem templates of its own.</summary>
    public bool HasRepositoryTemplates => _repoTemplates.Values.Any(template => template is not null);

    /// <summary>Why repository templates did not parse (the built-in ones are used instead), at their place in the template's source.</summary>
    public IReadOnlyList<(TemplateKind Kind, TemplateError Error)> Problems => _problems;

    /// <summary>Repository templates rendered here: with a budget in a delivery's renderer.</summary>
    internal TemplateSandbox Sandbox { get; }

    internal TemplateSandbox BuiltInSandbox { get; }

    /// <summary>
    /// This renderer for one delivery: all its renders of the repository's templates draw from one
    /// <see cref="TemplateBudget"/>, and once that is spent the built-in templates are used.
    /// </summary>
    public IncidentRenderer ForDelivery() => new(this, Sandbox.WithBudget());

    /// <summary>This delivery's budget is spent: later renders of the repository's templates were skipped.</summary>
    public bool BudgetSpent => Sandbox.Budget is { IsSpent: true };

    /// <summary>A single line of at most 256 chars, never empty, with no mentions or references.</summary>
    public RenderedText RenderTitle(IncidentView view)
    {
        var warnings = new Warnings();
        var title = "";
        foreach (var (template, name, sandbox) in Candidates(TemplateKind.Title))
        {
            // A fresh model per attempt: a failed template may have changed the one it was given.
            var model = TemplateModel.Build(view, TextMode.Plain, int.MaxValue);
            var outcome = sandbox.Run(template, model, TitleOutputLimit);
            title = outcome.Text is null ? "" : MarkdownText.ToTitle(outcome.Text);
            if (title.Length > 0)
            {
                break;
            }

            warnings.Add($"{name} {(outcome.Error is null ? "rendered an empty title" : $"failed: {outcome.Error}")}");
        }

        if (title.Length == 0)
        {
            title = MarkdownText.ToTitle($"[{view.Severity.ToUpperInvariant()}] Incident {view.Key}");
        }

        if (title.Length > MaxTitleLength)
        {
            title = MarkdownText.Cut(title, MaxTitleLength - 1).TrimEnd() + "…";
        }

        return new RenderedText(title, warnings.ToList());
    }

    /// <summary>
    /// The bot-owned section of the issue body, at most <paramref name="maxLength"/> chars: when the full render is too long,
    /// the first alerts that fit are shown and a note lists the rest; as a last resort the text is cut with a note.
    /// </summary>
    public RenderedText RenderBody(IncidentView view, int maxLength) => RenderFitted(TemplateKind.Body, view, maxLength);

    /// <summary>The comment for a <c>changed</c>, <c>resolved</c> or <c>reopened</c> event, within GitHub's comment limit.</summary>
    public RenderedText RenderComment(IncidentView view, int maxLength = MaxGitHubBodyLength) => RenderFitted(TemplateKind.Comment, view, maxLength);

    /// <summary>The post-mortem comment (<see cref="IncidentView.Postmortem"/> set), within GitHub's comment limit.</summary>
    public RenderedText RenderPostmortem(IncidentView view) => RenderFitted(TemplateKind.Postmortem, view, MaxGitHubBodyLength);

    /// <summary>
    /// Renders a label template such as <c>team/{{ labels.team }}</c> with raw values; newlines and commas are removed
    /// and the result is cut to GitHub's 50 chars. Null when it renders empty or the template is broken.
    /// </summary>
    public string? RenderLabel(string labelTemplate, IncidentView view) => Label(labelTemplate, view).Label;

    /// <summary>The labels of the config's label templates, in order; the warnings say which templates failed and why.</summary>
    public RenderedLabels RenderLabels(IEnumerable<string> labelTemplates, IncidentView view)
    {
        var labels = new List<string>();
        var warnings = new Warnings();
        var notRun = 0;
        foreach (var labelTemplate in labelTemplates)
        {
            // One line for all the templates a spent budget skips, not one each.
            if (BudgetSpent && TemplateSyntax.IsLabelTemplate(labelTemplate))
            {
                notRun++;
                continue;
            }

            var (label, error) = Label(labelTemplate, view);
            if (label is not null)
            {
                labels.Add(label);
            }
            else if (error is not null)
            {
                warnings.Add($"the label template '{labelTemplate}' failed, so its label was left out: {error}");
            }
        }

        if (notRun > 0)
        {
            warnings.Add($"{notRun} more label template(s) were not run, so their labels were left out: the templates before them spent {Sandbox.Budget!.Spent}");
        }

        return new RenderedLabels(labels, warnings.ToList());
    }

    private (string? Label, string? Error) Label(string labelTemplate, IncidentView view)
    {
        // A fixed label needs no render, so any number of them costs nothing from the delivery's budget.
        if (!TemplateSyntax.IsLabelTemplate(labelTemplate))
        {
            return (LabelName(labelTemplate), null);
        }

        var template = _labelTemplates.GetOrAdd(labelTemplate, source => Template.Parse(source));
        if (template.HasErrors)
        {
            return (null, string.Join("; ", TemplateSyntax.Errors(template)));
        }

        var model = TemplateModel.Build(view, TextMode.Plain, int.MaxValue);
        var outcome = Sandbox.Run(template, model, TitleOutputLimit);
        if (outcome.Text is null)
        {
            return (null, outcome.Error);
        }

        return (LabelName(outcome.Text), null);
    }

    private static string? LabelName(string text)
    {
        var label = MarkdownText.Cut(string.Join(' ', text.Replace(",", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxLabelLength).Trim();
        return label.Length == 0 ? null : label;
    }

    internal RepoTemplate? RepoTemplateOf(TemplateKind kind) => _repoTemplates[kind];

    private RenderedText RenderFitted(TemplateKind kind, IncidentView view, int maxLength) => new FittedRender(this, kind, view, maxLength).Run();

    private RepoTemplate? Parse(TemplateKind kind, string? source, string? path)
    {
        if (source is null)
        {
            return null;
        }

        var template = Template.Parse(source, path);
        var errors = TemplateSyntax.Errors(template);
        if (errors.Count == 0)
        {
            return new RepoTemplate(template, Name(kind, path));
        }

        _problems.AddRange(errors.Select(error => (kind, error)));
        return null;
    }

    /// <summary>The repository template (if it parsed), then the built-in one.</summary>
    private IEnumerable<(Template Template, string Name, TemplateSandbox Sandbox)> Candidates(TemplateKind kind)
    {
        if (_repoTemplates[kind] is { } repo)
        {
            yield return (repo.Template, repo.Name, Sandbox);
        }

        yield return (BuiltInTemplates.GetParsed(kind), $"the built-in {Name(kind, null)}", BuiltInSandbox);
    }

    private static string Name(TemplateKind kind, string? path) =>
        path is null ? $"{kind.ToString().ToLowerInvariant()} template" : $"{kind.ToString().ToLowerInvariant()} template ({path})";
}

internal sealed record RepoTemplate(Template Template, string Name);
