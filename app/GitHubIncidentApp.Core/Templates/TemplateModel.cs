using GitHubIncidentApp.Core.Alerts;
using Scriban.Runtime;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>How untrusted strings are prepared for a template.</summary>
internal enum TextMode
{
    /// <summary>Issue bodies and comments: escaped for Markdown, URLs only as http(s) links.</summary>
    Markdown,

    /// <summary>Titles and labels: raw values; the caller cleans the whole rendered line.</summary>
    Plain,
}

/// <summary>
/// Builds the variables a template sees as plain script objects (never reflected .NET objects),
/// so a template can reach only this data and every alert string in it is already neutralised.
/// </summary>
internal static class TemplateModel
{
    /// <summary>
    /// The variables for one render showing the first <paramref name="shownAlerts"/> of each alert list. <paramref name="escaped"/>
    /// (escaped strings by original) can be kept across the renders of one fitting, so each string is escaped once.
    /// </summary>
    public static ScriptObject Build(IncidentView view, TextMode mode, int shownAlerts, Dictionary<string, string>? escaped = null)
    {
        escaped ??= new(StringComparer.Ordinal);
        string Escape(string raw) => escaped.TryGetValue(raw, out var known) ? known : escaped[raw] = MarkdownText.Escape(raw);
        var text = mode == TextMode.Markdown ? Escape : (Func<string, string>)(s => s);
        string Url(string raw) => mode == TextMode.Markdown ? MarkdownText.ToLinkTarget(raw) ?? Escape(raw) : raw;

        ScriptObject Map(IReadOnlyDictionary<string, string> map)
        {
            var result = new ScriptObject();
            foreach (var (key, value) in map)
            {
                result[text(key)] = text(value);
            }

            return result;
        }

        ScriptArray Alerts(IReadOnlyList<Alert> alerts) => [.. alerts.Take(shownAlerts).Select(alert => new ScriptObject
        {
            ["status"] = alert.Status,
            ["labels"] = Map(alert.Labels),
            ["annotations"] = Map(alert.Annotations),
            ["starts_at"] = Time(alert.StartsAt),
            ["ends_at"] = Time(alert.EndsAt),
            ["generator_url"] = Url(alert.GeneratorUrl),
            ["runbook_url"] = Url(alert.Annotations.GetValueOrDefault("runbook_url", "")),
            ["fingerprint"] = text(alert.Fingerprint),
        })];

        var model = new ScriptObject
        {
            ["repo"] = text(view.Repo),
            ["key"] = text(view.Key),
            ["event"] = view.Event,
            ["status"] = view.Status,
            ["severity"] = text(view.Severity),
            ["receiver"] = text(view.Receiver),
            ["group_labels"] = Map(view.GroupLabels),
            ["labels"] = Map(view.CommonLabels),
            ["annotations"] = Map(view.CommonAnnotations),
            ["alerts"] = Alerts(view.Alerts),
            ["new_alerts"] = Alerts(view.NewAlerts),
            ["resolved_alerts"] = Alerts(view.ResolvedAlerts),
            ["firing_count"] = view.Alerts.Count(a => a.IsFiring),
            ["resolved_count"] = view.Alerts.Count(a => !a.IsFiring),
            ["truncated_alerts"] = view.TruncatedAlerts,
            ["external_url"] = Url(view.ExternalUrl),
            ["silence_url"] = SilenceUrl(view) ?? "",
            ["runbook_url"] = Url(RunbookUrl(view)),
            ["started_at"] = Time(view.StartedAt),
            ["resolved_at"] = Time(view.ResolvedAt),
            // Only an ended incident has a duration: a running one written into the issue would go stale at once.
            ["duration"] = Since(view.StartedAt, view.ResolvedAt),
            ["previous_issue"] = view.PreviousIssue,
        };
        AddPostmortem(model, view.Postmortem ?? new PostmortemFacts(), view, text);
        model.Import("link", new Func<string?, string?, string?>((label, url) => Link(mode, label ?? "", url ?? "")));
        return model;
    }

    /// <summary>The post-mortem's variables, empty outside one, so any template may name them.</summary>
    private static void AddPostmortem(ScriptObject model, PostmortemFacts facts, IncidentView view, Func<string, string> text)
    {
        ScriptArray Texts(IEnumerable<string> values) => [.. values.Select(text)];
        model["timeline"] = new ScriptArray(facts.Timeline.Select(entry => new ScriptObject
        {
            ["at"] = Time(entry.At),
            ["by"] = text(entry.By),
            ["kind"] = text(entry.Kind),
            ["text"] = text(entry.Text),
        }));
        model["acknowledged_by"] = text(facts.AcknowledgedBy);
        model["acknowledged_at"] = Time(facts.AcknowledgedAt);
        model["resolved_by"] = text(facts.ResolvedBy);
        model["time_to_acknowledge"] = Since(view.StartedAt, facts.AcknowledgedAt);
        model["time_to_resolve"] = Since(view.StartedAt, view.ResolvedAt);
        model["fingerprints"] = Texts(facts.Fingerprints);
        model["assignees"] = Texts(facts.Assignees);
        model["on_call"] = Texts(facts.OnCall);
    }

    private static string Since(DateTimeOffset start, DateTimeOffset? end) =>
        end is { } at && start != default ? HumanDuration.Format(at - start) : "";

    /// <summary>
    /// <c>link "text" url</c>: a Markdown link when url is http(s); otherwise the text and the (already escaped) value, never a link.
    /// Null when there is no url, so templates can drop it with <c>array.compact</c>.
    /// </summary>
    private static string? Link(TextMode mode, string label, string url)
    {
        if (url.Length == 0)
        {
            return null;
        }

        if (mode == TextMode.Plain)
        {
            return label;
        }

        return MarkdownText.ToLinkTarget(url) is { } target ? $"[{label}]({target})" : $"{label}: {url}";
    }

    /// <summary>Alertmanager's "new silence" page, pre-filled with the group's labels.</summary>
    private static string? SilenceUrl(IncidentView view)
    {
        if (MarkdownText.ToLinkTarget(view.ExternalUrl) is null || view.GroupLabels.Count == 0)
        {
            return null;
        }

        var matchers = string.Join(", ", view.GroupLabels.Select(l => $"{l.Key}=\"{QuoteMatcherValue(l.Value)}\""));
        var url = $"{view.ExternalUrl.Trim().TrimEnd('/')}/#/silences/new?filter={Uri.EscapeDataString($"{{{matchers}}}")}";
        return MarkdownText.ToLinkTarget(url);
    }

    private static string QuoteMatcherValue(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string RunbookUrl(IncidentView view) =>
        view.CommonAnnotations.GetValueOrDefault("runbook_url")
        ?? view.Alerts.Select(a => a.Annotations.GetValueOrDefault("runbook_url")).FirstOrDefault(u => u is not null)
        ?? "";

    /// <summary>Scriban's date functions work on <see cref="DateTime"/>; all times are UTC.</summary>
    private static object? Time(DateTimeOffset? time) => time?.UtcDateTime;
}
