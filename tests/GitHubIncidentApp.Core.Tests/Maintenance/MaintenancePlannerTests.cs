using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;
using static GitHubIncidentApp.Core.Tests.Maintenance.Windows;

namespace GitHubIncidentApp.Core.Tests.Maintenance;

/// <summary>
/// The silences planned for a repository's windows: each occurrence once, whoever plans and however often,
/// and only this repository's own pending silences expired.
/// </summary>
public class MaintenancePlannerTests
{
    private static readonly RepoRef Repo = new("Operate-First", "Incidents");
    private static readonly TimeSpan Week = MaintenancePlanner.DefaultHorizon;

    // Thursday 2026-12-03, 12:00 UTC.
    private static readonly DateTimeOffset Now = At("2026-12-03T12:00Z");

    private static readonly IReadOnlyList<MaintenanceWindow> DbWindows = Parse("""
          - { matchers: ['namespace="db"'], days: sat, from: "02:00", to: "04:00" }
          - { matchers: ['namespace="db"', 'job="migrate"'], from: 2026-12-24T22:00Z, to: 2026-12-25T02:00Z }
        """, "Europe/Berlin");

    /// <summary>What Alertmanager lists once the plan's silences are created.</summary>
    private static List<ExistingSilence> Created(MaintenancePlan plan, string prefix = "s") =>
        [.. plan.Create.Select((silence, index) => new ExistingSilence($"{prefix}{index}", silence.Matchers.Matchers, silence.StartsAt, silence.EndsAt, silence.Comment))];

    [Fact]
    public void Each_occurrence_in_the_horizon_gets_a_silence_tagged_with_its_identity()
    {
        var plan = MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week);

        var silence = Assert.Single(plan.Create);
        Assert.Empty(plan.Expire);
        Assert.Equal(At("2026-12-05T02:00+01:00"), silence.StartsAt);
        Assert.Equal(At("2026-12-05T04:00+01:00"), silence.EndsAt);
        Assert.Equal("{namespace=\"db\"}", silence.Matchers.ToString());
        Assert.Equal("incident-app (Operate-First/Incidents)", silence.CreatedBy);
        Assert.Equal(
            $"Maintenance window sat 02:00–04:00 Europe/Berlin of Operate-First/Incidents, from its incidents.yml. [incident-app maintenance repo=operate-first/incidents window={DbWindows[0].Id} start=2026-12-05T01:00:00Z]",
            silence.Comment);
        Assert.Equal(new MaintenanceTag("operate-first/incidents", DbWindows[0].Id, At("2026-12-05T01:00Z")), MaintenanceTag.Find(silence.Comment));

        // Three weeks on, the one-off window and that week's Saturday are both ahead.
        var later = MaintenancePlanner.Plan(Repo, DbWindows, [], At("2026-12-21T00:00Z"), Week);
        Assert.Equal([At("2026-12-24T22:00Z"), At("2026-12-26T02:00+01:00")], later.Create.Select(s => s.StartsAt));
    }

    [Fact]
    public void Planning_again_after_a_restart_or_on_another_replica_creates_nothing_twice()
    {
        var first = MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week);
        var existing = Created(first);

        // The same inputs give the same plan, so two replicas planning at once ask for the same silences.
        Assert.Equal(first.Create, MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week).Create);
        Assert.True(MaintenancePlanner.Plan(Repo, DbWindows, existing, Now, Week).IsEmpty);
        Assert.True(MaintenancePlanner.Plan(Repo, DbWindows, existing, Now.AddHours(1), Week).IsEmpty);

        // A day later the horizon reaches the next occurrence, and only it is new; the repository's name may differ in case.
        var next = MaintenancePlanner.Plan(new RepoRef("operate-first", "incidents"), DbWindows, existing, Now.AddDays(3), Week);
        Assert.Equal([At("2026-12-12T02:00+01:00")], next.Create.Select(s => s.StartsAt));
    }

    [Fact]
    public void An_occurrence_under_way_is_silenced_from_now_and_an_ended_one_not_at_all()
    {
        var during = At("2026-12-05T03:00+01:00");

        var plan = MaintenancePlanner.Plan(Repo, DbWindows, [], during, Week);

        Assert.Equal([(during, At("2026-12-05T04:00+01:00")), (At("2026-12-12T02:00+01:00"), At("2026-12-12T04:00+01:00"))], plan.Create.Select(s => (s.StartsAt, s.EndsAt)));
        Assert.Contains("start=2026-12-05T01:00:00Z]", plan.Create[0].Comment, StringComparison.Ordinal);
        Assert.DoesNotContain(MaintenancePlanner.Plan(Repo, DbWindows, [], At("2026-12-05T04:00+01:00"), Week).Create, s => s.StartsAt < At("2026-12-06T00:00Z"));
    }

    /// <summary>A person who expired or edited the silence early decided for that occurrence: it is not made again.</summary>
    [Fact]
    public void A_silence_a_person_expired_still_counts()
    {
        var silence = Assert.Single(MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week).Create);
        var expired = new ExistingSilence("s0", silence.Matchers.Matchers, silence.StartsAt, Now, silence.Comment);

        Assert.True(MaintenancePlanner.Plan(Repo, DbWindows, [expired], Now.AddMinutes(5), Week).IsEmpty);
    }

    [Fact]
    public void A_changed_window_expires_its_pending_silences_and_plans_new_ones()
    {
        var existing = Created(MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week));
        var changed = Parse("""
              - { matchers: ['namespace="db"'], days: sat, from: "01:00", to: "04:00" }
            """, "Europe/Berlin");

        var plan = MaintenancePlanner.Plan(Repo, changed, existing, Now, Week);

        Assert.Equal(["s0"], plan.Expire);
        Assert.Equal([At("2026-12-05T01:00+01:00")], plan.Create.Select(s => s.StartsAt));
        Assert.Equal(["s0"], MaintenancePlanner.Plan(Repo, [], existing, Now, Week).Expire);
    }

    /// <summary>Under way, a removed window's silence runs its course: expiring it would page people mid-maintenance.</summary>
    [Fact]
    public void A_removed_windows_silence_under_way_or_over_is_left_alone()
    {
        var existing = Created(MaintenancePlanner.Plan(Repo, DbWindows, [], Now, Week));

        Assert.True(MaintenancePlanner.Plan(Repo, [], existing, At("2026-12-05T03:00+01:00"), Week).IsEmpty);
        Assert.True(MaintenancePlanner.Plan(Repo, [], existing, At("2026-12-05T05:00+01:00"), Week).IsEmpty);
    }

    [Fact]
    public void Silences_of_other_repositories_and_of_people_are_never_expired_nor_counted()
    {
        var other = Created(MaintenancePlanner.Plan(new RepoRef("someone", "else"), DbWindows, [], Now, Week), "other");
        var pending = (Start: At("2026-12-05T01:00Z"), End: At("2026-12-05T03:00Z"));
        var tag = new MaintenanceTag("operate-first/incidents", DbWindows[0].Id, pending.Start).ToString();
        ExistingSilence[] people =
        [
            new("p1", DbWindows[0].Matchers.Matchers, pending.Start, pending.End, "db upgrade, ask @alice"),
            // The tag must end the comment: quoting it in the middle of a person's silence does not make it the app's.
            new("p2", DbWindows[0].Matchers.Matchers, pending.Start, pending.End, $"copied {tag} by hand, see the runbook"),
        ];

        var plan = MaintenancePlanner.Plan(Repo, DbWindows, [.. other, .. people], Now, Week);

        Assert.Empty(plan.Expire);
        Assert.Single(plan.Create);
        Assert.Empty(MaintenancePlanner.Plan(Repo, [], [.. other, .. people], Now, Week).Expire);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[incident-app maintenance repo=a/b window=0123456789ab start=2026-13-05T01:00:00Z]")]
    [InlineData("[incident-app maintenance repo=a/b window=XYZ start=2026-12-05T01:00:00Z]")]
    [InlineData("[incident-app maintenance repo=a window=0123456789ab start=2026-12-05T01:00:00Z]")]
    public void A_comment_without_a_whole_tag_is_not_the_apps(string comment) => Assert.Null(MaintenanceTag.Find(comment));
}
