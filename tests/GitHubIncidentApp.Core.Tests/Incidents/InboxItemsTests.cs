using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>What arrives becomes an inbox item in one place: its source, delivery id, ordering key and priority.</summary>
public sealed class InboxItemsTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly string Body = Fixtures.Alertmanager("firing-critical");
    private static readonly AlertmanagerPayload Critical = AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Body)).Payload!;

    private readonly InMemoryIncidentIndex index = new();

    [Fact]
    public void Each_Alertmanager_delivery_is_new_and_queues_under_its_group_at_its_severity()
    {
        var first = InboxItems.ForAlerts(Repo, Critical, Body, Now);
        var repeat = InboxItems.ForAlerts(Repo, Critical, Body, Now);

        Assert.NotEqual(first.DeliveryId, repeat.DeliveryId);
        Assert.Equal(
            (InboxSources.Alertmanager, "operate-first/incidents", DeliveryOrdering.ForAlerts(Repo, Critical), DeliveryOrdering.ForAlertPriority(Critical), Body, Now),
            (first.Source, first.Repo, first.IncidentKey, first.Priority, first.Payload, first.ReceivedAt));
    }

    [Fact]
    public async Task A_comment_on_an_incident_issue_queues_behind_its_alerts_under_GitHub_s_delivery_id()
    {
        await index.UpsertAsync(Incident(issue: 7, due: null), CancellationToken.None);

        var known = await InboxItems.ForGitHubEventAsync(index, "issue_comment", "gh-1", Comment(7), "{}", Now, CancellationToken.None);
        var unknown = await InboxItems.ForGitHubEventAsync(index, "issue_comment", "gh-2", Comment(8), "{}", Now, CancellationToken.None);

        Assert.Equal(("github/issue_comment", "gh-1", "operate-first/incidents"), (known.Source, known.DeliveryId, known.Repo));
        Assert.Equal(DeliveryOrdering.ForAlerts(Repo, Critical), known.IncidentKey);
        Assert.Equal("operate-first/incidents#8", unknown.IncidentKey);
        Assert.Equal(DeliveryOrdering.GitHubEventPriority, known.Priority);
    }

    [Fact]
    public async Task An_installation_s_events_share_one_key()
    {
        var installation = new InstallationEvent { DeliveryId = "gh-3", Sender = new("ana", false), Action = "created", InstallationId = 42, Account = "operate-first" };

        var item = await InboxItems.ForGitHubEventAsync(index, "installation", "gh-3", installation, "{}", Now, CancellationToken.None);

        Assert.Equal(("installation/42", ""), (item.IncidentKey, item.Repo));
    }

    [Fact]
    public void A_timed_step_is_one_delivery_however_often_it_is_found_due()
    {
        var due = Now.AddMinutes(-1);
        var onFirstTick = InboxItems.ForTimedStep(Incident(issue: 7, due), Now);
        var onNextTick = InboxItems.ForTimedStep(Incident(issue: 7, due), Now.AddSeconds(15));
        var nextStep = InboxItems.ForTimedStep(Incident(issue: 7, due.AddMinutes(30)), Now.AddMinutes(31));

        Assert.Equal(onFirstTick.DeliveryId, onNextTick.DeliveryId);
        Assert.NotEqual(onFirstTick.DeliveryId, nextStep.DeliveryId);
        Assert.Equal(
            (InboxSources.Timer, "operate-first/incidents#7@2026-12-02T11:59:00.0000000Z", "7", DeliveryOrdering.TimedStepPriority),
            (onFirstTick.Source, onFirstTick.DeliveryId, onFirstTick.Payload, onFirstTick.Priority));
        Assert.Throws<ArgumentException>(() => InboxItems.ForTimedStep(Incident(issue: 7, due: null), Now));
    }

    private static IndexedIncident Incident(int issue, DateTimeOffset? due) => new()
    {
        Repo = Repo,
        Key = IncidentKey.Derive(Repo, Critical, []),
        IssueNumber = issue,
        StateJson = "{}",
        Labels = [],
        UpdatedAt = Now,
        DueAt = due,
    };

    private static IssueCommentEvent Comment(int issue) => new()
    {
        DeliveryId = "gh",
        Sender = new("ana", false),
        Repo = Repo,
        Action = "created",
        CommentId = 1,
        Body = "/ack",
        Issue = new IssueSnapshot { Number = issue, Title = "t", Body = "", IsOpen = true, Labels = [] },
    };
}
