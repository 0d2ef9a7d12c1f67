using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Maintenance;
using static GitHubIncidentApp.Core.Tests.Maintenance.Windows;

namespace GitHubIncidentApp.Core.Tests.Maintenance;

/// <summary>
/// What a repository's maintenance silences may reach in a shared Alertmanager: under <c>repo-label</c> only its own
/// alerts, named as the app reads the <c>repo</c> label, whatever its config's matchers say.
/// </summary>
public class MaintenanceScopeTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly DateTimeOffset Now = At("2026-12-03T12:00Z");

    [Fact]
    public void An_attackers_window_over_every_critical_alert_silences_only_its_own_repositorys()
    {
        var window = One("{ matchers: ['severity=\"critical\"'], days: mon-sun }");
        var planned = MaintenancePlanner.Plan(new RepoRef("mallory", "prank"), [window], [], Now, MaintenancePlanner.DefaultHorizon).Create[0];

        var request = new MaintenanceScope(MaintenanceSilenceScope.RepoLabel, "operate-first").Request(new RepoRef("mallory", "prank"), planned);

        var silence = new MatcherSet(request.Matchers);
        Assert.Equal("{severity=\"critical\", repo=~\"(?i)mallory/prank\"}", silence.ToString());
        Assert.False(silence.Matches(Labels(("severity", "critical"))));
        Assert.False(silence.Matches(Labels(("severity", "critical"), ("repo", "operate-first/incidents"))));
        Assert.False(silence.Matches(Labels(("severity", "critical"), ("repo", "prank"))));
        Assert.False(silence.Matches(Labels(("severity", "critical"), ("repo", "mallory/prank2"))));
        Assert.False(silence.Matches(Labels(("severity", "critical"), ("repo", "xmallory/prank"))));
        Assert.True(silence.Matches(Labels(("severity", "critical"), ("repo", "Mallory/Prank"))));
        Assert.Equal(planned.Comment, request.Comment);
        Assert.Equal((planned.StartsAt, planned.EndsAt, planned.CreatedBy), (request.StartsAt, request.EndsAt, request.CreatedBy));
    }

    [Fact]
    public void Under_the_default_repositorys_owner_a_bare_name_counts_too()
    {
        var silence = new MatcherSet(new MaintenanceScope(MaintenanceSilenceScope.RepoLabel, "Operate-First").MatchersFor(Repo));

        Assert.Equal("{repo=~\"(?i)(?:operate-first/)?incidents\"}", silence.ToString());
        Assert.True(silence.Matches(Labels(("repo", "incidents"))));
        Assert.True(silence.Matches(Labels(("repo", "operate-first/incidents"))));
        Assert.False(silence.Matches(Labels(("repo", "other/incidents"))));
        Assert.False(silence.Matches(Labels(("repo", ""))));

        // Another owner's bare names are read under DEFAULT_REPO's owner, so they are never this repository's.
        Assert.False(new MatcherSet(new MaintenanceScope(MaintenanceSilenceScope.RepoLabel, "someone-else").MatchersFor(Repo)).Matches(Labels(("repo", "incidents"))));
    }

    [Fact]
    public void A_name_with_dots_is_matched_literally()
    {
        var silence = new MatcherSet(new MaintenanceScope(MaintenanceSilenceScope.RepoLabel).MatchersFor(new RepoRef("o", "a.b")));

        Assert.True(silence.Matches(Labels(("repo", "o/a.b"))));
        Assert.False(silence.Matches(Labels(("repo", "o/axb"))));
    }

    [Fact]
    public void All_adds_nothing_and_the_setting_reads_its_three_names()
    {
        Assert.Empty(new MaintenanceScope(MaintenanceSilenceScope.All).MatchersFor(Repo));
        Assert.True(new MaintenanceScope(MaintenanceSilenceScope.All).CreatesSilences);
        Assert.False(new MaintenanceScope(MaintenanceSilenceScope.Off).CreatesSilences);
        Assert.Equal(MaintenanceSilenceScope.RepoLabel, MaintenanceScope.Parse(null));
        Assert.Equal(MaintenanceSilenceScope.All, MaintenanceScope.Parse(" ALL "));
        Assert.Equal(MaintenanceSilenceScope.Off, MaintenanceScope.Parse("off"));
        Assert.Null(MaintenanceScope.Parse("everything"));
        Assert.Equal("repo-label", MaintenanceScope.Name(MaintenanceSilenceScope.RepoLabel));
    }

    private static Dictionary<string, string> Labels(params (string Name, string Value)[] labels) => labels.ToDictionary(l => l.Name, l => l.Value);
}
