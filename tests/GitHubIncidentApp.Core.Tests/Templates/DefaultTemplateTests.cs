using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Templates;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class DefaultTemplateTests
{
    private const string JupyterSilence = "[🔕 Silence in Alertmanager](http://vm:19093/#/silences/new?filter=%7Balertname%3D%22JupyterHubDown%22%2C%20namespace%3D%22opf-jupyterhub%22%7D)";
    private const string JupyterGraph = "[📈 Graph](http://prometheus.example.org/graph?g0.expr=up%7Bjob%3D%22jupyterhub%22%7D+%3D%3D+0)";

    private readonly IncidentRenderer _renderer = new(TemplateSources.BuiltIn, timeProvider: new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Built_in_sources_are_embedded_and_parse()
    {
        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            var source = BuiltInTemplates.Get(kind);
            Assert.Contains("{{", source, StringComparison.Ordinal);
            Assert.Empty(TemplateSyntax.ParseErrors(source));
            Assert.Empty(TemplateSyntax.SampleFailures(kind, source));
        }

        Assert.Empty(_renderer.Problems);
    }

    [Fact]
    public void Title_is_severity_summary_and_group_labels()
    {
        var title = _renderer.RenderTitle(Views.Fixture("firing-critical.json"));

        Assert.Equal("[CRITICAL] JupyterHub is down (opf-jupyterhub)", title.Text);
        Assert.Empty(title.Warnings);
    }

    [Fact]
    public void Title_falls_back_to_alertname_without_a_summary()
    {
        var view = Views.Fixture("firing-critical.json") with { CommonAnnotations = new Dictionary<string, string>() };
        view = view with { Alerts = [view.Alerts[0] with { Annotations = new Dictionary<string, string>() }] };

        Assert.Equal("[CRITICAL] JupyterHubDown (opf-jupyterhub)", _renderer.RenderTitle(view).Text);
    }

    [Fact]
    public void Body_of_a_firing_alert_has_what_an_on_call_engineer_needs()
    {
        var body = _renderer.RenderBody(Views.Fixture("firing-critical.json"), IncidentRenderer.MaxGitHubBodyLength);

        Assert.Empty(body.Warnings);
        Assert.StartsWith("## 🔥 JupyterHub is down\n", body.Text, StringComparison.Ordinal);
        Assert.Contains("**Status:** FIRING · **Severity:** CRITICAL · **Started:** 2026-11-24 12:54 UTC · **Alerts:** 1 firing", body.Text, StringComparison.Ordinal);
        Assert.Contains("\n\nJupyterHub hub-1 has been unreachable for 5 minutes.\n\n", body.Text, StringComparison.Ordinal);
        Assert.Contains("[📖 Runbook](https://example.org/runbooks/jupyterhub-down)", body.Text, StringComparison.Ordinal);
        Assert.Contains(JupyterSilence, body.Text, StringComparison.Ordinal);
        Assert.Contains("- **Group:** alertname=JupyterHubDown · namespace=opf-jupyterhub", body.Text, StringComparison.Ordinal);
        Assert.Contains($"| 🔥 | JupyterHub is down | — | 2026-11-24 12:54 UTC | — | {JupyterGraph} |", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("max_alerts", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_of_a_truncated_group_lists_each_alert_by_its_own_labels_and_says_what_Alertmanager_cut()
    {
        var body = _renderer.RenderBody(Views.Fixture("firing-truncated.json"), IncidentRenderer.MaxGitHubBodyLength).Text;

        Assert.Contains("## 🔥 5xx ratio above 5%", body, StringComparison.Ordinal);
        for (var pod = 1; pod <= 3; pod++)
        {
            Assert.Contains($"| 🔥 | 5xx ratio above 5% | pod=superset-{pod} | 2026-11-24 12:54 UTC | — | — |", body, StringComparison.Ordinal);
        }

        Assert.EndsWith("> 2 more alerts not shown; Alertmanager's `max_alerts` cut them.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Runbook", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_of_a_resolved_group_shows_the_end_time()
    {
        var body = _renderer.RenderBody(Views.Fixture("resolved.json"), IncidentRenderer.MaxGitHubBodyLength).Text;

        Assert.StartsWith("## ✅ JupyterHub is down", body, StringComparison.Ordinal);
        Assert.Contains("**Resolved:** 2026-11-24 12:54 UTC (12s)", body, StringComparison.Ordinal);
        Assert.Contains("| ✅ | JupyterHub is down | — | 2026-11-24 12:54 UTC | 2026-11-24 12:54 UTC |", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_links_the_previous_occurrence()
    {
        var view = Views.Fixture("firing-critical.json") with { PreviousIssue = 41 };

        Assert.Contains("- **Previous occurrence:** #41", _renderer.RenderBody(view, IncidentRenderer.MaxGitHubBodyLength).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Changed_comment_lists_new_and_resolved_alerts()
    {
        var firing = Views.Alert("DiskFull", "aaaa1111", new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = "db-2" });
        var resolved = Views.Alert("DiskFull", "bbbb2222", new Dictionary<string, string> { ["alertname"] = "DiskFull", ["instance"] = "db-1" }, status: AlertStatus.Resolved);
        var view = Views.Of(firing, resolved) with { Event = IncidentEvents.Changed, NewAlerts = [firing], ResolvedAlerts = [resolved] };

        var comment = _renderer.RenderComment(view);

        Assert.Empty(comment.Warnings);
        Assert.Equal(
            """
            ### 🔄 Alerts changed: 1 firing, 1 resolved

            **Started firing (1):**
            - 🔥 DiskFull fires (instance=db-2), since 2026-11-24 12:00 UTC · [📈 Graph](http://prometheus.example.org/graph?g0.expr=up)

            **Resolved (1):**
            - ✅ DiskFull fires (instance=db-1), at 2026-11-24 13:12 UTC
            """.ReplaceLineEndings("\n"),
            comment.Text);
    }

    [Fact]
    public void Resolved_comment_says_how_long_it_lasted()
    {
        var alert = Views.Alert("DiskFull", "aaaa1111", status: AlertStatus.Resolved);
        var view = Views.Of(alert) with { Event = IncidentEvents.Resolved, ResolvedAt = Views.Start.AddMinutes(72) };

        Assert.Equal(
            "### ✅ Resolved\n\nAll alerts resolved after **1h 12m** (2026-11-24 12:00 UTC → 2026-11-24 13:12 UTC).",
            _renderer.RenderComment(view).Text);
    }

    [Fact]
    public void Reopened_comment_says_it_fires_again()
    {
        var comment = _renderer.RenderComment(Views.Fixture("firing-critical.json", IncidentEvents.Reopened)).Text;

        Assert.StartsWith("### 🔥 Firing again\n\n1 alert firing again (severity CRITICAL):\n- 🔥 JupyterHub is down, since 2026-11-24 12:54 UTC", comment, StringComparison.Ordinal);
    }

    [Fact]
    public void Silence_link_quotes_label_values_and_is_left_out_without_an_http_external_url_which_shows_as_text()
    {
        var view = Views.Of(Views.Alert("A", "f1")) with { GroupLabels = new Dictionary<string, string> { ["job"] = "say \"hi\"" } };
        Assert.Contains("[🔕 Silence in Alertmanager](http://alertmanager.example.org/#/silences/new?filter=%7Bjob%3D%22say%20%5C%22hi%5C%22%22%7D)", _renderer.RenderBody(view, 10_000).Text, StringComparison.Ordinal);

        var noUrl = _renderer.RenderBody(view with { ExternalUrl = "vm:9093" }, 10_000).Text;
        Assert.DoesNotContain("Silence", noUrl, StringComparison.Ordinal);
        Assert.Contains("🔔 Alertmanager: vm:9093", noUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("](vm:", noUrl, StringComparison.Ordinal);
    }
}
