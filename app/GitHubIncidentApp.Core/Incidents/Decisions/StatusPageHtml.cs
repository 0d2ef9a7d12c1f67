using System.Globalization;
using System.Net;
using System.Text;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// A <see cref="StatusPage"/> as one HTML document with no script and no outside resource: everything it shows from issues,
/// alerts and configs is HTML-encoded, and its only style is <see cref="StatusPageStyle.Css"/>, which
/// <see cref="StatusPageStyle.ContentSecurityPolicy"/> allows by its hash (so neither an injected style nor a script runs).
/// </summary>
public static class StatusPageHtml
{
    /// <summary>Incidents drawn per day of the timeline; a busier day's full count is in its label.</summary>
    public const int MaxBlocksPerDay = 10;

    public static string Render(StatusPage page)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            // Without JavaScript the page still keeps itself current; the app rebuilds it at most once a minute anyway.
            .Append("<meta http-equiv=\"refresh\" content=\"60\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>Status of {E(page.Repo)}</title>\n<style>{StatusPageStyle.Css}</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<header><h1>Status of {E(page.Repo)}</h1><p class=\"as-of\">As of {E(OnCallSummary.Local(page.At, page.Zone))}</p></header>\n<main>\n");
        AppendOpen(html, page);
        AppendOnCall(html, page.OnCall);
        AppendTimeline(html, page);
        html.Append("</main>\n<footer><p>Refreshed every minute.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendOpen(StringBuilder html, StatusPage page)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"open\">\n<h2>Open incidents ({page.Open.Count})</h2>\n");
        if (page.Open.Count == 0)
        {
            html.Append("<p class=\"none\">No open incidents.</p>\n</section>\n");
            return;
        }

        html.Append("<ul class=\"incidents\">\n");
        foreach (var incident in page.Open)
        {
            var number = incident.Number.ToString(CultureInfo.InvariantCulture);
            var title = $"#{number} {E(incident.Title)}";
            html.Append(CultureInfo.InvariantCulture, $"<li class=\"incident {SeverityClass(incident.Rank)}\">")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"severity\">{E(incident.Severity)}</span> ")
                .Append(SafeUrl(incident.Url) is { } url ? $"<a class=\"title\" href=\"{E(url)}\">{title}</a>" : $"<span class=\"title\">{title}</span>")
                .Append(CultureInfo.InvariantCulture, $"<span class=\"meta\"><span class=\"age\">open for {HumanDuration.Format(incident.Age)}</span> · ")
                .Append(incident.AcknowledgedBy is { } by
                    ? $"<span class=\"ack\">acknowledged by @{E(by)}</span>"
                    : "<span class=\"unack\">not acknowledged</span>")
                .Append("</span></li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendOnCall(StringBuilder html, StatusOnCall? onCall)
    {
        html.Append("<section id=\"oncall\">\n<h2>On call</h2>\n");
        if (onCall is null)
        {
            html.Append("<p class=\"none\">No on-call schedule.</p>\n</section>\n");
            return;
        }

        html.Append(CultureInfo.InvariantCulture, $"<p class=\"now\">On call now: <strong>{People(onCall.Now)}</strong></p>\n");
        foreach (var rotation in onCall.Rotations)
        {
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"rotation\"><h3>{E(rotation.Name)}</h3><p>Now: {People(rotation.Holders)}</p>");
            html.Append(rotation.Next.Count == 0 ? $"<p class=\"none\">No hand-off {OnCallSummary.NoHandoffs}.</p>" : "<ul class=\"handoffs\">");
            foreach (var handoff in rotation.Next)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li><time datetime=\"{handoff.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\">{E(handoff.Local)}</time> → {People(handoff.People)}</li>");
            }

            html.Append(rotation.Next.Count == 0 ? "</div>\n" : "</ul></div>\n");
        }

        html.Append("</section>\n");
    }

    private static void AppendTimeline(StringBuilder html, StatusPage page)
    {
        var total = page.Timeline.Sum(day => day.Total);
        var bySeverity = page.Severities.Select((name, rank) => (name, count: page.Timeline.Sum(day => day.Counts[rank]))).Where(s => s.count > 0);
        html.Append(CultureInfo.InvariantCulture, $"<section id=\"timeline\">\n<h2>Last {StatusPage.Days} days</h2>\n<p class=\"summary\">{Count(total, "incident")} opened")
            .Append(total == 0 ? "" : ": " + string.Join(", ", bySeverity.Select(s => $"{s.count} {E(s.name)}")))
            .Append(".</p>\n<ol class=\"days\">\n");
        foreach (var day in page.Timeline)
        {
            var label = $"{day.Date:yyyy-MM-dd}: " + (day.Total == 0
                ? "no incidents"
                : string.Join(", ", day.Counts.Select((count, rank) => (count, rank)).Where(c => c.count > 0).Select(c => $"{c.count} {page.Severities[c.rank]}")));
            html.Append(CultureInfo.InvariantCulture, $"<li title=\"{E(label)}\"><span class=\"label\">{E(label)}</span>");
            var drawn = day.Counts.SelectMany((count, rank) => Enumerable.Repeat(rank, count)).Take(MaxBlocksPerDay);
            foreach (var rank in drawn)
            {
                html.Append(CultureInfo.InvariantCulture, $"<i class=\"{SeverityClass(rank)}\"></i>");
            }

            html.Append("</li>\n");
        }

        var first = page.Timeline[0].Date;
        var last = page.Timeline[^1].Date;
        html.Append(CultureInfo.InvariantCulture, $"</ol>\n<p class=\"ends\"><span>{first:MMM d}</span><span>{last:MMM d}</span></p>\n<ul class=\"legend\">");
        foreach (var (name, rank) in page.Severities.Select((name, rank) => (name, rank)))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><i class=\"{SeverityClass(rank)}\"></i>{E(name)}</li>");
        }

        html.Append("</ul>\n</section>\n");
    }

    /// <summary>Colors exist for four levels; any further ones share the fourth's.</summary>
    private static string SeverityClass(int rank) => $"sev{Math.Min(rank, 3).ToString(CultureInfo.InvariantCulture)}";

    private static string People(IReadOnlyList<string> people) => people.Count == 0 ? "nobody" : string.Join(", ", people.Select(p => "@" + E(p)));

    private static string Count(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    /// <summary>Only web links become links: a <c>javascript:</c> or <c>data:</c> URL would run or show something else.</summary>
    private static string? SafeUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Scheme is "https" or "http" ? parsed.AbsoluteUri : null;

    /// <summary>Encodes &amp;, &lt;, &gt;, " and ' (as &amp;#39;), so text is text in content and in quoted attributes alike.</summary>
    private static string E(string text) => WebUtility.HtmlEncode(text);
}
