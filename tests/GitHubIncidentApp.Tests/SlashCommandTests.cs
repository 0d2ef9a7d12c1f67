using System.Net;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Slash commands and people's changes, as signed webhooks through the running app, against the fake GitHub.</summary>
public sealed class SlashCommandTests : AppTestBase
{
    private int _deliveries;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Repo.SetRole("alice", "triage");
        Repo.SetRole("rita", "read");
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        GitHub.ClearRequests();
    }

    private FakeIssue Incident => Assert.Single(Repo.Issues);

    /// <summary>A person writes a comment on the incident issue, and GitHub tells the app.</summary>
    private async Task<FakeComment> CommentAsync(string author, string body, string? deliveryId = null, bool bot = false)
    {
        var comment = Repo.AddComment(Incident.Number, author, body);
        await SendAsync("issue_comment", Webhooks.Comment(Repo, Incident, comment, bot), deliveryId);
        return Repo.Comment(comment.Id);
    }

    private async Task SendAsync(string eventName, byte[] payload, string? deliveryId = null)
    {
        var (status, _) = await Webhooks.PostAsync(App.BaseUrl, eventName, payload, Webhooks.Sign(payload), deliveryId ?? $"delivery-{++_deliveries}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await App.WaitUntilIdleAsync();
    }

    private List<FakeComment> Replies => Incident.Comments.Where(c => c.Author == FakeGitHubServer.BotLogin).ToList();

    [Fact]
    public async Task Ack_labels_assigns_replies_and_reacts()
    {
        var comment = await CommentAsync("alice", "On it.\n/ack");

        Assert.Contains("acknowledged", Incident.Labels);
        Assert.Equal(["alice"], Incident.Assignees);
        Assert.Equal(["eyes", "rocket"], Repo.Comment(comment.Id).Reactions);
        Assert.Contains("Acknowledged by @alice", Assert.Single(Replies).Body, StringComparison.Ordinal);
        Assert.Equal("alice", IssueBody.ReadState(Incident.Body)!.Acknowledged!.By);
    }

    [Fact]
    public async Task A_redelivered_comment_runs_once()
    {
        var comment = Repo.AddComment(Incident.Number, "alice", "/ack");
        var payload = Webhooks.Comment(Repo, Incident, comment);

        await SendAsync("issue_comment", payload, "same-delivery");
        await SendAsync("issue_comment", payload, "same-delivery");

        Assert.Single(Replies);
    }

    [Fact]
    public async Task A_reader_is_refused_with_the_role_needed_and_nothing_changes()
    {
        var comment = await CommentAsync("rita", "/resolve");

        Assert.Equal("open", Incident.State);
        Assert.Equal(["eyes", "confused"], Repo.Comment(comment.Id).Reactions);
        Assert.Contains("needs the **triage** role; @rita has **read**", Assert.Single(Replies).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_closes_and_the_alerts_still_firing_reopen_it()
    {
        await CommentAsync("alice", "/resolve restarted the hub");
        Assert.Equal("closed", Incident.State);
        Assert.Contains("resolved", Incident.Labels);

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Equal("open", Incident.State);
        Assert.DoesNotContain("resolved", Incident.Labels);
        Assert.Contains("restarted the hub", Incident.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_by_hand_the_same_alerts_do_not_reopen_it_until_they_resolve_and_fire_again()
    {
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { State = "closed" });
        await SendAsync("issues", Webhooks.IssueChange("closed", Repo, Incident, "alice"));
        GitHub.ClearRequests();

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        Assert.Equal("closed", Incident.State);
        Assert.Empty(GitHub.IssueCalls());

        await App.DeliverAsync(Fixtures.Alertmanager("resolved"));
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        Assert.Equal("open", Incident.State);
    }

    [Fact]
    public async Task A_severity_label_set_by_hand_survives_the_next_alerts()
    {
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { Labels = ["incident", "severity/critical", "severity/info"] });
        await SendAsync("issues", Webhooks.IssueChange("labeled", Repo, Incident, "alice", "severity/info"));

        await App.DeliverAsync(Payloads.WithSecondAlert(Fixtures.Alertmanager("firing-critical"), "hub-2:8081"));

        Assert.Contains("severity/info", Incident.Labels);
        Assert.DoesNotContain("severity/critical", Incident.Labels);
    }

    [Fact]
    public async Task A_severity_label_change_applies_to_the_labels_the_issue_has_now_not_those_of_a_stale_payload()
    {
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { Labels = ["incident", "severity/critical", "severity/warning"] });
        var labeled = Webhooks.IssueChange("labeled", Repo, Incident, "alice", "severity/warning");
        // Between the event and its processing, people added labels the payload does not know about.
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { Labels = ["incident", "severity/critical", "severity/warning", "severity/info", "customer-impact"] });

        await SendAsync("issues", labeled);

        Assert.Equal(["customer-impact", "incident", "severity/warning"], Incident.Labels.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Comments_without_commands_by_bots_or_in_quotes_get_nothing()
    {
        await CommentAsync("alice", "Looking into it, no command here.");
        await CommentAsync("alice", "> /resolve\nquoting someone");
        await CommentAsync("some-bot", "/resolve", bot: true);

        Assert.Empty(Replies);
        Assert.Equal("open", Incident.State);
        Assert.DoesNotContain(GitHub.Requests, r => r.Path.Contains("/reactions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_and_timeline_entries_appear_in_the_body_and_keep_people_text()
    {
        Repo.EditIssue(Incident.Number, new FakeIssuePatch { Body = Incident.Body + "\n\nNotes kept by hand." });

        await CommentAsync("alice", "/status identified the proxy drops connections\n/timeline rolled back the proxy");

        var body = Incident.Body;
        Assert.Contains("**identified** — the proxy drops connections", body, StringComparison.Ordinal);
        Assert.Contains("**note** — rolled back the proxy", body, StringComparison.Ordinal);
        Assert.EndsWith("Notes kept by hand.", body, StringComparison.Ordinal);
        Assert.Contains("JupyterHub is down", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_who_cannot_be_assigned_is_mentioned_instead()
    {
        var comment = await CommentAsync("alice", "/assign @alice @stranger");

        Assert.Equal(["alice"], Incident.Assignees);
        Assert.Contains("GitHub could not assign @stranger", Assert.Single(Replies).Body, StringComparison.Ordinal);
        Assert.Equal(["eyes", "confused"], Repo.Comment(comment.Id).Reactions);
    }
}
