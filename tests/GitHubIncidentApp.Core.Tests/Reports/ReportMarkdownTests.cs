using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Reports;

namespace GitHubIncidentApp.Core.Tests.Reports;

public sealed partial class ReportMarkdownTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly ReportPeriod Week = ReportPeriod.OfDays(new DateOnly(2026, 11, 23), 7, Berlin);

    private static ReportIncident Incident(int issue, string name, string severity, int hour, int? resolveMinutes) => new()
    {
        Issue = issue,
        Name = name,
        Severity = severity,
        Route = "@operate-first/sre",
        StartedAt = Week.From.AddHours(hour),
        AcknowledgedAt = Week.From.AddHours(hour).AddMinutes(4),
        ResolvedAt = resolveMinutes is { } minutes ? Week.From.AddHours(hour).AddMinutes(minutes) : null,
        Pages = [new ReportPage(Week.From.AddHours(hour), "bob")],
        Steps = [new ReportStep(Week.From.AddHours(hour).AddMinutes(15), "default")],
    };

    private static string Render(params ReportIncident[] incidents) => ReportMarkdown.Render("operate-first/incidents", Week,
        ReportFigures.Compute(new ReportInput(incidents, [new ReportStorm(40, Week.From.AddDays(2), null, 12)], [new ReportShift("bob", Week.From, Week.To)], ["critical", "warning"]), Week));

    [Fact]
    public void The_report_has_its_marker_title_counts_charts_and_tables()
    {
        var body = Render(Incident(1, "ApiDown", "critical", 10, 30), Incident(2, "DiskFull", "warning", 30, 90), Incident(3, "DiskFull", "warning", 50, null));

        Assert.StartsWith("<!-- incident-report: 2026-11-23..2026-11-29 -->\n## Incident report: 2026-11-23 – 2026-11-29\n", body, StringComparison.Ordinal);
        Assert.Equal("Incident report: 2026-11-23 – 2026-11-29 (operate-first/incidents)", ReportMarkdown.Title("operate-first/incidents", Week));
        Assert.Contains("from Mon 2026-11-23 00:00 to Mon 2026-11-30 00:00 (Europe/Berlin).", body, StringComparison.Ordinal);
        Assert.Contains("**3** incidents opened, **2** resolved, 1 storm, 3 escalation steps fired.", body, StringComparison.Ordinal);
        Assert.Contains("```mermaid\npie title Incidents opened by severity\n    \"critical\" : 1\n    \"warning\" : 2\n```", body, StringComparison.Ordinal);
        Assert.Contains("    x-axis [\"11-23\", \"11-24\", \"11-25\", \"11-26\", \"11-27\", \"11-28\", \"11-29\"]\n    y-axis \"Incidents\" 0 --> 1\n    bar [1, 1, 1, 0, 0, 0, 0]", body, StringComparison.Ordinal);
        Assert.Contains("| warning | 2 | 4m | 4m | 1h 30m | 1h 30m |", body, StringComparison.Ordinal);
        Assert.Contains("| DiskFull | 2 |", body, StringComparison.Ordinal);
        Assert.Contains("| #40 | Wed 2026-11-25 00:00 | still on | 12 |", body, StringComparison.Ordinal);
        Assert.Contains("| default | 3 |", body, StringComparison.Ordinal);
        Assert.Contains("| bob | 3 |", body, StringComparison.Ordinal);
        Assert.Contains("### Flapping groups\n\nNone.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lists_are_cut_and_counted()
    {
        var body = Render([.. Enumerable.Range(1, 20).Select(i => Incident(i, $"Alert{i:00}", "warning", i, 10))]);

        Assert.Contains("| Alert15 | 1 |", body, StringComparison.Ordinal);
        Assert.DoesNotContain("| Alert16 | 1 |", body, StringComparison.Ordinal);
        Assert.Contains("And 5 more.", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Evil\" : 1\n```\n<img src=x onerror=alert(1)>")]
    [InlineData("x\"]\n%%{init: {'securityLevel': 'loose'}}%%\nclick A call alert()")]
    [InlineData("</details><script>alert(1)</script> @everyone #1 `code` | cell")]
    [InlineData("name\r\n## Heading\r\n[link](javascript:alert(1))")]
    public void A_hostile_alert_name_cannot_break_out_of_a_chart_or_a_table(string name)
    {
        var body = Render(Incident(1, name, "critical", 10, 600), Incident(2, "Quiet", "warning", 11, 5));

        // The fences are only the report's own: three charts, each opened and closed.
        Assert.Equal(6, FenceLine().Matches(body).Count);
        Assert.DoesNotContain("<img", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@everyone", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\n## Heading", body, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\]\(javascript", body);

        // Inside each chart every line is one of the forms the report writes, labels within quotes without quotes.
        foreach (Match chart in Chart().Matches(body))
        {
            foreach (var line in chart.Groups[1].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.Matches(ChartLine(), line);
            }
        }

        // In tables each row keeps its columns: the name's '|' is escaped.
        var row = Assert.Single(body.Split('\n'), line => line.StartsWith("| ", StringComparison.Ordinal) && line.EndsWith(" | 1 |", StringComparison.Ordinal) && !line.Contains("Quiet", StringComparison.Ordinal));
        Assert.Equal(3, UnescapedBar().Matches(row).Count);
    }

    [Theory]
    [InlineData("ApiDown", "ApiDown")]
    [InlineData("a\"b`c<d>e&f#g;h\ni", "a_b_c_d_e_f_g_h_i")]
    [InlineData("", "(none)")]
    [InlineData("Ünïcode-name_1.2", "Ünïcode-name_1.2")]
    public void Mermaid_labels_keep_only_harmless_characters(string text, string label)
    {
        Assert.Equal(label, MermaidText.Label(text));
    }

    [Fact]
    public void Long_mermaid_labels_are_cut()
    {
        Assert.Equal(new string('a', MermaidText.MaxLength - 1) + "…", MermaidText.Label(new string('a', 100)));
    }

    [GeneratedRegex("^```", RegexOptions.Multiline)]
    private static partial Regex FenceLine();

    [GeneratedRegex("```mermaid\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Chart();

    [GeneratedRegex("""^(pie title [A-Za-z0-9 ()]+|xychart-beta|    title "[A-Za-z ]+"|    "[^"`\n]*" : \d+|    x-axis \[("[0-9-]+", )*"[0-9-]+"\]|    y-axis "Incidents" 0 --> \d+|    bar \[(\d+, )*\d+\])$""")]
    private static partial Regex ChartLine();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedBar();
}
