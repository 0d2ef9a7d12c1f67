using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>Times in decisions come from the alerts: how long an incident lasted, and whether firing again reopens it.</summary>
public sealed partial class IncidentDeciderTests
{
    [Fact]
    public void A_resolution_is_timed_by_the_alerts_own_end_not_by_when_it_is_processed()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());

        // The fixture's alert fired at 12:54:28.7 and ended at 12:54:41; the delivery is processed a week later.
        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context(now: Now.AddDays(7)));

        Assert.Equal(DateTimeOffset.Parse("2026-11-24T12:54:41Z", CultureInfo.InvariantCulture), resolved.State!.ResolvedAt);
        Assert.Contains("after **12s**", Assert.IsType<CommentOnIssue>(resolved.Operations[^1]).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_end_time_in_the_future_or_before_the_start_is_not_believed()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var early = Payload("resolved") with { Alerts = [.. Payload("resolved").Alerts.Select(a => a with { EndsAt = Now.AddDays(-1) })] };

        // Processed at 12:54:35, before the end the alert claims.
        var future = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context(now: Now.AddSeconds(-325)));
        var before = IncidentDecider.Decide(Known(opened), early, Context());

        Assert.Equal(Now.AddSeconds(-325), future.State!.ResolvedAt);
        Assert.Equal(Now, before.State!.ResolvedAt);
    }

    /// <summary>The fixture's alert firing again, <paramref name="after"/> the resolution; Alertmanager gives it a new start.</summary>
    private static AlertmanagerPayload FiringAgain(IncidentDecision resolved, TimeSpan after) =>
        Payload("firing-critical") with { Alerts = [.. Payload("firing-critical").Alerts.Select(a => a with { StartsAt = resolved.State!.ResolvedAt!.Value + after })] };

    [Fact]
    public void Firing_again_within_the_window_reopens_the_same_issue()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context());

        var again = IncidentDecider.Decide(Known(resolved), FiringAgain(resolved, after: TimeSpan.FromHours(23)), Context(now: Now.AddHours(23)));

        var update = Assert.Single(again.Operations.OfType<UpdateIssue>());
        Assert.True(update.Open);
        Assert.Contains("resolved", update.RemoveLabels);
        Assert.NotNull(update.Marker);
        Assert.NotNull(update.Content);
        Assert.Contains("fir", Assert.Single(again.Operations.OfType<CommentOnIssue>()).Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(again.Operations.OfType<CreateIssue>());
        Assert.True(again.State!.IsFiring);
    }

    [Fact]
    public void Firing_again_after_the_window_opens_a_new_issue_that_links_the_old_one()
    {
        var opened = IncidentDecider.Decide(null, Payload("firing-critical"), Context());
        var resolved = IncidentDecider.Decide(Known(opened), Payload("resolved"), Context());

        var again = IncidentDecider.Decide(Known(resolved, issue: 12), FiringAgain(resolved, after: TimeSpan.FromHours(25)), Context(now: Now.AddHours(25)));

        var create = Assert.Single(again.Operations.OfType<CreateIssue>());
        Assert.Contains("#12", create.Issue.Body, StringComparison.Ordinal);
        Assert.Equal(12, again.State!.PreviousIssue);
    }
}
