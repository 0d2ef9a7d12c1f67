namespace GitHubIncidentApp.Core.Templates;

/// <summary>One body or comment render, shrinking the alert lists until the text fits.</summary>
internal sealed class FittedRender(IncidentRenderer renderer, TemplateKind kind, IncidentView view, int maxLength)
{
    private readonly Warnings _warnings = new();
    private readonly Dictionary<string, string> _escaped = new(StringComparer.Ordinal);
    private RepoTemplate? _repo = renderer.RepoTemplateOf(kind);
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
            var outcome = renderer.Sandbox.Run(repo.Template, model, outputLimit);
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

        var builtIn = renderer.BuiltInSandbox.Run(BuiltInTemplates.GetParsed(kind), model, outputLimit);
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
