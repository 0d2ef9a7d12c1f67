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
    private readonly List<string> _problems = [];
    private readonly TemplateSandbox _sandbox;

    private readonly TemplateSandbox _builtInSandbox;
    private readonly TimeProvider _timeProvider;

    public IncidentRenderer(TemplateSources sources, TemplateLimits? limits = null, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _sandbox = new TemplateSandbox(limits ?? TemplateLimits.Default, _timeProvider);
        _builtInSandbox = new TemplateSandbox(TemplateLimits.BuiltIn, _timeProvider);
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            _repoTemplates[kind] = Parse(kind, sources.SourceOf(kind), sources.PathOf(kind));
        }
    }

    /// <summary>Repository templates that did not parse (the built-in ones are used instead); show them in the issue or log.</summary>
    public IReadOnlyList<string> Problems => _problems;

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

    /// <summary>
    /// Renders a label template such as <c>team/{{ labels.team }}</c> with raw values; newlines and commas are removed
    /// and the result is cut to GitHub's 50 chars. Null when it renders empty or the template is broken.
    /// </summary>
    public string? RenderLabel(string labelTemplate, IncidentView view)
    {
        var template = _labelTemplates.GetOrAdd(labelTemplate, source => Template.Parse(source));
        if (template.HasErrors)
        {
            return null;
        }

        var model = TemplateModel.Build(view, TextMode.Plain, int.MaxValue);
        var text = _sandbox.Run(template, model, TitleOutputLimit).Text;
        if (text is null)
        {
            return null;
        }

        var label = MarkdownText.Cut(string.Join(' ', text.Replace(",", "", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxLabelLength).Trim();
        return label.Length == 0 ? null : label;
    }

    private RenderedText RenderFitted(TemplateKind kind, IncidentView view, int maxLength) => new FittedRender(this, kind, view, maxLength).Run();

    private RepoTemplate? Parse(TemplateKind kind, string? source, string? path)
    {
        if (source is null)
        {
            return null;
        }

        var name = Name(kind, path);
        var template = Template.Parse(source, path);
        var errors = TemplateSyntax.Describe(template);
        if (errors.Count == 0)
        {
            return new RepoTemplate(template, name);
        }

        _problems.AddRange(errors.Select(error => $"{name}: {error}; the built-in {Name(kind, null)} is used instead"));
        return null;
    }

    /// <summary>The repository template (if it parsed), then the built-in one.</summary>
    private IEnumerable<(Template Template, string Name, TemplateSandbox Sandbox)> Candidates(TemplateKind kind)
    {
        if (_repoTemplates[kind] is { } repo)
        {
            yield return (repo.Template, repo.Name, _sandbox);
        }

        yield return (BuiltInTemplates.GetParsed(kind), $"the built-in {Name(kind, null)}", _builtInSandbox);
    }

    private static string Name(TemplateKind kind, string? path) =>
        path is null ? $"{kind.ToString().ToLowerInvariant()} template" : $"{kind.ToString().ToLowerInvariant()} template ({path})";

    private sealed record RepoTemplate(Template Template, string Name);

    /// <summary>Ordered, de-duplicated warnings: a render may be retried many times while fitting.</summary>
    private sealed class Warnings
    {
        private readonly List<string> _items = [];

        public void Add(string warning)
        {
            if (!_items.Contains(warning))
            {
                _items.Add(warning);
            }
        }

        public IReadOnlyList<string> ToList() => [.. _items];
    }

    /// <summary>One body or comment render, shrinking the alert lists until the text fits.</summary>
    private sealed class FittedRender(IncidentRenderer renderer, TemplateKind kind, IncidentView view, int maxLength)
    {
        private readonly Warnings _warnings = new();
        private readonly Dictionary<string, string> _escaped = new(StringComparer.Ordinal);
        private RepoTemplate? _repo = renderer._repoTemplates[kind];
        private int _leftOut;

        public RenderedText Run()
        {
            var repo = _repo;
            var text = Fit();

            // A repository template that failed part way through the search skewed it; fit again with the built-in one alone.
            if (repo is not null && _repo is null)
            {
                text = Fit();
            }

            if (_leftOut > 0)
            {
                _warnings.Add($"{_leftOut} of {Total} alerts were left out of the {KindName} to stay within {maxLength} characters");
            }

            return new RenderedText(text, _warnings.ToList());
        }

        private int Total => Math.Max(view.Alerts.Count, Math.Max(view.NewAlerts.Count, view.ResolvedAlerts.Count));

        private string Fit()
        {
            var total = Total;
            _leftOut = 0;
            if (TryFit(total) is { } full)
            {
                return full;
            }

            // The largest number of leading alerts that still fits; each probe is one render, so about log2(alerts) renders.
            (int Shown, string Text)? best = null;
            for (int low = 0, high = total - 1; low <= high;)
            {
                var shown = low + ((high - low) / 2);
                if (TryFit(shown) is { } text)
                {
                    best = (shown, text);
                    low = shown + 1;
                }
                else
                {
                    high = shown - 1;
                }
            }

            if (best is { } fitted)
            {
                _leftOut = total - fitted.Shown;
                return fitted.Text;
            }

            _leftOut = total;
            return HardCut(Render(0) ?? FallbackText());
        }

        private string KindName => kind.ToString().ToLowerInvariant();

        private string? TryFit(int shown)
        {
            var text = Render(shown);
            if (text is null)
            {
                return null;
            }

            var fitted = text + OmittedAlertsNote.Render(OmittedAlertsNote.Omitted(view, shown));
            return fitted.Length <= maxLength ? fitted : null;
        }

        /// <summary>Renders with the repository template while it behaves, then with the built-in one; null when the output is too big.</summary>
        private string? Render(int shown)
        {
            var model = TemplateModel.Build(view, TextMode.Markdown, shown, _escaped);
            var outputLimit = Math.Max(maxLength, 1) * 4;
            if (_repo is { } repo)
            {
                var outcome = renderer._sandbox.Run(repo.Template, model, outputLimit);
                if (outcome.Text is not null)
                {
                    return outcome.Text.TrimEnd();
                }

                // Too much output is the alerts' fault until even zero alerts overflow; then it is the template's.
                if (outcome.OutputLimitReached && shown > 0)
                {
                    return null;
                }

                _warnings.Add($"{repo.Name} failed, so the built-in {KindName} template was used: {outcome.Error}");
                _repo = null;
                model = TemplateModel.Build(view, TextMode.Markdown, shown, _escaped);
            }

            var builtIn = renderer._builtInSandbox.Run(BuiltInTemplates.GetParsed(kind), model, outputLimit);
            if (builtIn.Error is not null && !builtIn.OutputLimitReached)
            {
                _warnings.Add($"the built-in {KindName} template failed: {builtIn.Error}");
            }

            return builtIn.Text?.TrimEnd();
        }

        private string FallbackText() =>
            $"**{MarkdownText.Escape(view.Severity.ToUpperInvariant())}** incident {MarkdownText.Escape(view.Key)}: {view.Alerts.Count} alert(s), status {view.Status}.";

        private string HardCut(string text)
        {
            var full = text + OmittedAlertsNote.Render(OmittedAlertsNote.Omitted(view, 0));
            if (full.Length <= maxLength)
            {
                return full;
            }

            var note = $"\n\n> [!WARNING]\n> This {KindName} was cut at {maxLength} characters to stay within GitHub's limit.";
            _warnings.Add($"the {KindName} was cut to {maxLength} characters; even without alerts it did not fit");
            return note.Length >= maxLength
                ? MarkdownText.Cut(full, maxLength)
                : MarkdownText.Cut(full, maxLength - note.Length) + note;
        }
    }
}
