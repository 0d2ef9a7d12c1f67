using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>The status page's data (ordering, on call, the timeline's days in the schedule's zone) and its HTML (encoded, styled by hash only).</summary>
public sealed class StatusPageTests
{
    // 11:00 in Auckland on Thursday 3 December (UTC+13 in summer).
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 22, 0, 0, TimeSpan.Zero);

    private static readonly IncidentConfig Auckland = IncidentConfigParser.Parse("""
        status_page: true
        timezone: Pacific/Auckland
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-30T09:00, shift: 1d }
          overrides:
            - { rotation: primary, user: dave, from: 2026-12-04T09:00, to: 2026-12-05T09:00 }
        """).Config;

    private static (IssueSnapshot, IncidentState) Incident(
        int number, string severity, DateTimeOffset startedAt, bool open = true, string? title = null, Acknowledgement? ack = null, string? url = null) =>
        (new IssueSnapshot
        {
            Number = number,
            Title = title ?? $"Incident {number}",
            Body = "",
            IsOpen = open,
            Labels = ["incident"],
            HtmlUrl = url ?? $"https://github.com/acme/api/issues/{number}",
        },
        new IncidentState { Key = $"k{number}", Status = open ? "firing" : "resolved", Firing = [], Severity = severity, StartedAt = startedAt, Acknowledged = ack });

    [Fact]
    public void Open_incidents_come_most_severe_first_then_oldest_with_their_age_and_who_acknowledged_them()
    {
        var page = StatusPage.Build("acme/api", Auckland,
        [
            Incident(1, "warning", Now.AddHours(-5)),
            Incident(2, "critical", Now.AddMinutes(-30), ack: new Acknowledgement("carol", Now.AddMinutes(-20))),
            Incident(3, "critical", Now.AddHours(-2)),
            Incident(4, "critical", Now.AddHours(-3), open: false),
            Incident(5, "info", Now.AddDays(-2)),
        ], Now);

        Assert.Equal([3, 2, 1, 5], page.Open.Select(i => i.Number));
        Assert.Equal(TimeSpan.FromHours(2), page.Open[0].Age);
        Assert.Null(page.Open[0].AcknowledgedBy);
        Assert.Equal("carol", page.Open[1].AcknowledgedBy);
        var html = StatusPageHtml.Render(page);
        Assert.Contains("open for 2h</span> · <span class=\"unack\">not acknowledged</span>", html, StringComparison.Ordinal);
        Assert.Contains("acknowledged by @carol", html, StringComparison.Ordinal);
        Assert.Contains("<a class=\"title\" href=\"https://github.com/acme/api/issues/3\">#3 Incident 3</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("#4 Incident 4", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_timeline_counts_incidents_by_the_day_they_opened_in_the_schedule_s_zone()
    {
        var page = StatusPage.Build("acme/api", Auckland,
        [
            // 10:30 and 10:59 UTC on 2 December are late on the 2nd in Auckland; 11:00 UTC is midnight beginning the 3rd.
            Incident(1, "critical", new DateTimeOffset(2026, 12, 2, 10, 30, 0, TimeSpan.Zero), open: false),
            Incident(2, "warning", new DateTimeOffset(2026, 12, 2, 10, 59, 0, TimeSpan.Zero), open: false),
            Incident(3, "warning", new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero)),
            // 4 November in Auckland: the 30th day back, the first shown; the 3rd is too old.
            Incident(4, "info", new DateTimeOffset(2026, 11, 3, 11, 0, 0, TimeSpan.Zero), open: false),
            Incident(5, "info", new DateTimeOffset(2026, 11, 3, 10, 59, 0, TimeSpan.Zero), open: false),
        ], Now);

        Assert.Equal(StatusPage.Days, page.Timeline.Count);
        Assert.Equal(new DateOnly(2026, 12, 3), page.Timeline[^1].Date);
        Assert.Equal(new DateOnly(2026, 11, 4), page.Timeline[0].Date);
        Assert.Equal([1, 1, 0], page.Timeline[^2].Counts);
        Assert.Equal([0, 1, 0], page.Timeline[^1].Counts);
        Assert.Equal([0, 0, 1], page.Timeline[0].Counts);
        Assert.Equal(4, page.Timeline.Sum(day => day.Total));
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 11, 0, 0, TimeSpan.Zero), StatusPage.Since(Auckland, Now));
        Assert.Contains("title=\"2026-12-02: 1 critical, 1 warning\"", StatusPageHtml.Render(page), StringComparison.Ordinal);
    }

    [Fact]
    public void On_call_shows_who_holds_each_rotation_now_and_the_next_hand_offs_with_overrides()
    {
        var page = StatusPage.Build("acme/api", Auckland, [], Now);

        var rotation = Assert.Single(page.OnCall!.Rotations);
        Assert.Equal("primary", rotation.Name);
        // Thursday's shift (the fourth) is bob's; dave overrides Friday's (alice's), then bob and alice take turns again.
        Assert.Equal(["bob"], rotation.Holders);
        Assert.Equal(["bob"], page.OnCall.Now);
        Assert.Equal([["dave"], ["bob"], ["alice"]], rotation.Next.Select(h => h.People));
        Assert.Equal("Fri 2026-12-04 09:00 Pacific/Auckland", rotation.Next[0].Local);
        Assert.Null(StatusPage.Build("acme/api", IncidentConfig.Default, [], Now).OnCall);
    }

    [Fact]
    public void Text_from_issues_alerts_and_logins_is_encoded_and_only_web_links_are_links()
    {
        const string title = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";
        var page = StatusPage.Build("acme/api", IncidentConfig.Default,
        [
            Incident(1, "<b onmouseover=alert(3)>", Now.AddHours(-1), title: title, ack: new Acknowledgement("x\"><svg onload=alert(4)>", Now)),
            Incident(2, "critical", Now.AddHours(-1), title: "plain", url: "javascript:alert(5)"),
        ], Now);

        var html = StatusPageHtml.Render(page);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<svg", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b ", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#1 &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("acknowledged by @x&quot;&gt;&lt;svg onload=alert(4)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"title\">#2 plain</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_only_style_is_the_one_the_policy_allows_by_its_hash_and_nothing_may_run()
    {
        var html = StatusPageHtml.Render(StatusPage.Build("acme/api", Auckland, [Incident(1, "critical", Now.AddHours(-1))], Now));

        var start = html.IndexOf("<style>", StringComparison.Ordinal) + "<style>".Length;
        var style = html[start..html.IndexOf("</style>", StringComparison.Ordinal)];
        var hash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)));
        Assert.Contains($"style-src '{hash}'", StatusPageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", StatusPageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", StatusPageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", StatusPageStyle.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal(1, html.Split("<style").Length - 1);
        Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
    }
}
