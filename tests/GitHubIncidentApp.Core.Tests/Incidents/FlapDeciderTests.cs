using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// Flapping (more than 3 flaps within 1h by default): one issue, a label and one comment, at most one summary per window,
/// and an end when the group stays resolved or fires on without a flap for a window.
/// </summary>
public sealed class FlapDeciderTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    private static FlappingGroup Opened(TimeSpan? delay = null, int threshold = 3, bool enabled = true)
    {
        var group = new FlappingGroup(FlappingGroup.Config(delay, threshold, enabled));
        group.Fire();
        return group;
    }

    private static FlappingGroup Flapping(TimeSpan? delay = null)
    {
        var group = Opened(delay);
        for (var i = 0; i < 4; i++)
        {
            group.Flap();
        }

        Assert.True(group.State.Flaps!.IsFlapping);
        return group;
    }

    [Fact]
    public void Reopens_up_to_the_threshold_stay_as_they_were_and_the_next_one_within_the_window_is_flapping()
    {
        var group = Opened();
        for (var i = 0; i < 3; i++)
        {
            var reopened = group.Flap();
            Assert.True(Assert.Single(reopened.Operations.OfType<UpdateIssue>()).Open);
            Assert.DoesNotContain("flapping", Assert.Single(reopened.Operations.OfType<UpdateIssue>()).AddLabels);
            Assert.DoesNotContain("Flapping", Assert.Single(reopened.Operations.OfType<CommentOnIssue>()).Body, StringComparison.Ordinal);
        }

        var fourth = group.Flap();

        Assert.Equal("flapping", Assert.IsType<EnsureLabels>(fourth.Operations[0]).Labels.Single().Name);
        var update = Assert.Single(fourth.Operations.OfType<UpdateIssue>());
        Assert.True(update.Open);
        Assert.Contains("flapping", update.AddLabels);
        Assert.Equal(fourth.State, update.Marker);
        // One comment: the reopen's, with the flapping and its times.
        var comment = Assert.IsType<CommentOnIssue>(fourth.Operations[^1]);
        Assert.Single(fourth.Operations.OfType<CommentOnIssue>());
        Assert.Contains("**Flapping:** this group resolved and fired again 4 times within 1h", comment.Body, StringComparison.Ordinal);
        Assert.Contains(group.Now.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), comment.Body, StringComparison.Ordinal);
        Assert.Equal((group.Now, 4, 0), (fourth.State!.Flaps!.Since, fourth.State.Flaps.Count, fourth.State.Flaps.Untold));
    }

    [Fact]
    public void Flaps_count_only_within_the_window()
    {
        var group = Opened();
        for (var i = 0; i < 10; i++)
        {
            group.Resolve(TimeSpan.FromMinutes(1));
            group.Fire(TimeSpan.FromMinutes(20));
        }

        // Every 21 minutes: never more than three within an hour.
        Assert.False(group.State.Flaps!.IsFlapping);
        Assert.Equal(3, group.State.Flaps.Times.Count);
        Assert.Equal(10, group.State.Flaps.Total);
    }

    [Fact]
    public void A_group_flapping_through_cancelled_hold_downs_gets_the_label_and_a_comment_once_and_keeps_its_acknowledgement()
    {
        var group = Opened(TimeSpan.FromMinutes(5));
        group.Apply(new IncidentDecision([], group.State with { Acknowledged = new Acknowledgement("bob", group.Now) }));
        for (var i = 0; i < 3; i++)
        {
            Assert.IsType<SaveStateInMarker>(Assert.Single(group.Flap().Operations));
        }

        var fourth = group.Flap();

        Assert.Equal(3, fourth.Operations.Count);
        Assert.IsType<EnsureLabels>(fourth.Operations[0]);
        var update = Assert.IsType<UpdateIssue>(fourth.Operations[1]);
        Assert.Null(update.Open);
        Assert.Equal(["flapping"], update.AddLabels);
        Assert.Contains("**Flapping:**", Assert.IsType<CommentOnIssue>(fourth.Operations[2]).Body, StringComparison.Ordinal);
        Assert.Equal("bob", fourth.State!.Acknowledged?.By);
    }

    [Fact]
    public void Once_flapping_a_resolution_waits_a_window_flaps_only_count_and_a_summary_comes_at_most_once_a_window()
    {
        var group = Flapping();

        var resolved = group.Resolve(TimeSpan.FromMinutes(1));
        Assert.IsType<SaveStateInMarker>(Assert.Single(resolved.Operations));
        Assert.Equal(group.Now + Window, group.State.ResolveDueAt);

        var comments = 0;
        for (var i = 0; i < 30; i++)
        {
            var flap = group.Flap();
            Assert.All(flap.Operations.OfType<UpdateIssue>(), update => Assert.Null(update.Open));
            comments += flap.Operations.OfType<CommentOnIssue>().Count();
        }

        // 30 flaps 2 minutes apart: one hour, so one summary.
        Assert.Equal(1, comments);
        Assert.Equal(34, group.State.Flaps!.Count);
        Assert.Equal(FlapHistory.MaxTimes, group.State.Flaps.Times.Count);
        Assert.True(group.State.ToJson().Length < 2_000);
    }

    [Fact]
    public void The_summary_says_how_many_flaps_since_the_last_word()
    {
        var group = Flapping();
        group.Flap();
        group.Resolve(TimeSpan.FromMinutes(1));

        var summary = group.Fire(Window);

        var comment = Assert.Single(summary.Operations.OfType<CommentOnIssue>()).Body;
        Assert.Contains("Still flapping: 2 more flaps since", comment, StringComparison.Ordinal);
        Assert.Contains("6 since it started flapping", comment, StringComparison.Ordinal);
        Assert.Equal(summary.State, Assert.Single(summary.Operations.OfType<UpdateIssue>()).Marker);
    }

    [Fact]
    public void Staying_resolved_a_whole_window_closes_it_once_with_the_flaps_summed_up_and_the_label_gone()
    {
        var group = Flapping(TimeSpan.FromMinutes(5));
        group.Resolve(TimeSpan.FromMinutes(1));

        Assert.All(group.Tick(TimeSpan.FromMinutes(30)), tick => Assert.Same(IncidentDecision.Nothing, tick));
        var settled = group.Tick(TimeSpan.FromMinutes(30))[0];

        var update = Assert.Single(settled.Operations.OfType<UpdateIssue>());
        Assert.False(update.Open);
        Assert.Equal(["resolved"], update.AddLabels);
        Assert.Equal(["flapping"], update.RemoveLabels);
        var comment = Assert.Single(settled.Operations.OfType<CommentOnIssue>()).Body;
        Assert.Contains("Resolved", comment, StringComparison.Ordinal);
        Assert.Contains("It flapped 4 times from", comment, StringComparison.Ordinal);
        Assert.Null(settled.State!.Flaps);
        Assert.Equal("resolved", settled.State.Status);
    }

    [Fact]
    public void Firing_on_a_whole_window_without_a_flap_ends_the_flapping_and_the_incident_goes_on()
    {
        var group = Flapping();

        Assert.All(group.Tick(Window - TimeSpan.FromMinutes(1)), tick => Assert.Same(IncidentDecision.Nothing, tick));
        var quiet = group.Tick(TimeSpan.FromMinutes(1))[1];

        var update = Assert.IsType<UpdateIssue>(quiet.Operations[0]);
        Assert.Equal(["flapping"], update.RemoveLabels);
        Assert.Contains("No longer flapping: it flapped 4 times", Assert.IsType<CommentOnIssue>(quiet.Operations[1]).Body, StringComparison.Ordinal);
        Assert.True(quiet.State!.IsFiring);
        Assert.Null(quiet.State.Flaps);
        Assert.Null(quiet.State.NextDueAt);
    }

    [Fact]
    public void Turned_off_every_flap_closes_and_reopens_as_before()
    {
        var group = Opened(enabled: false);

        for (var i = 0; i < 10; i++)
        {
            Assert.True(Assert.Single(group.Flap().Operations.OfType<UpdateIssue>()).Open);
        }

        Assert.False(group.State.Flaps!.IsFlapping);
    }
}
