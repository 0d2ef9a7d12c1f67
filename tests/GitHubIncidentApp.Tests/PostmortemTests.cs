using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>/postmortem</c> and <c>postmortem.required_for</c> through the running app, against the fake GitHub, on a clock the
/// test moves: the prefilled comment and its label, an incident kept open until its post-mortem, the reminder.
/// </summary>
public sealed class PostmortemTests : ScheduleTestBase
{
    protected override string ExtraConfig => """

        postmortem:
          required_for: [critical]
          remind_every: 24h
        """;

    private List<string> Reminders => [.. Incident.Comments.Select(c => c.Body).Where(body => body.Contains("still has no post-mortem", StringComparison.Ordinal))];

    private async Task<string> MetricsAsync() => await App.Client.GetStringAsync(new Uri(App.BaseUrl, "metrics"));

    [Fact]
    public async Task Postmortem_posts_the_prefilled_template_and_labels_the_issue()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await AdvanceAsync(TimeSpan.FromMinutes(16));
        await EventuallyAsync(() => Escalations.Count > 0);
        await CommentAsync(Incident.Number, "bob", "/ack");
        await CommentAsync(Incident.Number, "bob", "/status identified the hub's database is full");

        await CommentAsync(Incident.Number, "alice", "/postmortem");

        Assert.Contains("post-mortem", Incident.Labels);
        Assert.Equal("open", Incident.State);
        var draft = Assert.Single(Incident.Comments, c => c.Body.StartsWith("## 📝 Post-mortem", StringComparison.Ordinal)).Body;
        Assert.StartsWith("## 📝 Post-mortem: JupyterHubDown\n", draft, StringComparison.Ordinal);
        Assert.Contains("| **Severity** | CRITICAL |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Acknowledged** | 2026-11-23 09:16 UTC by bob |", draft, StringComparison.Ordinal);
        Assert.Contains("| **Time to acknowledge** |", draft, StringComparison.Ordinal);
        Assert.Contains("| **On call** | bob |", draft, StringComparison.Ordinal);
        Assert.Contains("**escalation**: step 2 of 3 of the default policy:", draft, StringComparison.Ordinal);
        Assert.Contains("bob · **identified**: the hub's database is full", draft, StringComparison.Ordinal);
        Assert.Contains("- alertname=JupyterHubDown", draft, StringComparison.Ordinal);
        Assert.Contains("Posted the post-mortem template above", Incident.Comments[^1].Body, StringComparison.Ordinal);
        Assert.Contains("incident_app_postmortems_total{via=\"command\"} 1\n", await MetricsAsync(), StringComparison.Ordinal);

        // Written before it resolved: it closes as usual.
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        Assert.Equal("closed", Incident.State);
        Assert.DoesNotContain("post-mortem/pending", Incident.Labels);
    }

    [Fact]
    public async Task A_critical_incident_stays_open_until_its_post_mortem_with_a_reminder_every_24h()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await CommentAsync(Incident.Number, "bob", "/ack");
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));

        Assert.Equal("open", Incident.State);
        Assert.Contains("post-mortem/pending", Incident.Labels);
        Assert.Contains("resolved", Incident.Labels);
        Assert.Contains("stays open with `post-mortem/pending`", Incident.Comments[^1].Body, StringComparison.Ordinal);

        // Closing it by hand does not drop the requirement: it is reopened, saying why.
        var closed = Repo.EditIssue(Incident.Number, new FakeIssuePatch { State = "closed" });
        var payload = Webhooks.IssueChange("closed", Repo, closed, "carol");
        await Webhooks.PostAsync(App.BaseUrl, "issues", payload, Webhooks.Sign(payload), "closed-by-carol");
        await App.WaitUntilIdleAsync();
        Assert.Equal("open", Incident.State);
        Assert.StartsWith("Reopened: 📝", Incident.Comments[^1].Body, StringComparison.Ordinal);

        await AdvanceAsync(TimeSpan.FromHours(23).Add(TimeSpan.FromMinutes(50)));
        Assert.Empty(Reminders);

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await EventuallyAsync(() => Reminders.Count > 0);
        Assert.Contains("resolved 1d ago and still has no post-mortem", Assert.Single(Reminders), StringComparison.Ordinal);
        Assert.Equal("open", Incident.State);

        await AdvanceAsync(TimeSpan.FromHours(1));
        Assert.Single(Reminders);

        await CommentAsync(Incident.Number, "alice", "/postmortem");
        Assert.Equal("closed", Incident.State);
        Assert.Contains("post-mortem", Incident.Labels);
        Assert.DoesNotContain("post-mortem/pending", Incident.Labels);
        Assert.Contains("so it is closed", Incident.Comments[^1].Body, StringComparison.Ordinal);

        await AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Single(Reminders);
        var metrics = await MetricsAsync();
        Assert.Contains("incident_app_postmortem_reminders_total 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_postmortems_total{via=\"command\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_postmortems_total{via=\"label\"} 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_mortem_label_a_person_adds_closes_the_waiting_incident_and_is_counted_once()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        Assert.Equal("open", Incident.State);

        var labeled = Repo.EditIssue(Incident.Number, new FakeIssuePatch { Labels = [.. Incident.Labels, "post-mortem"] });
        var payload = Webhooks.IssueChange("labeled", Repo, labeled, "carol", "post-mortem");
        await Webhooks.PostAsync(App.BaseUrl, "issues", payload, Webhooks.Sign(payload), "labeled-by-carol");
        await App.WaitUntilIdleAsync();
        // The same label again (unlabeled and labeled back): the post-mortem is known already.
        await Webhooks.PostAsync(App.BaseUrl, "issues", payload, Webhooks.Sign(payload), "labeled-again");
        await App.WaitUntilIdleAsync();

        Assert.Equal("closed", Incident.State);
        var metrics = await MetricsAsync();
        Assert.Contains("incident_app_postmortems_total{via=\"label\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_postmortems_total{via=\"command\"} 0\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_postmortem_reminders_total 0\n", metrics, StringComparison.Ordinal);
    }
}
