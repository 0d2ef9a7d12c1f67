using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// A repository's config reaches other repositories only as far as its own installation does: <c>_extends</c> into
/// another owner's private repository is not read (though the app is installed there too), a public one is, paths
/// cannot climb out of <c>.github/</c>, and another repository's values never come back in problems.
/// </summary>
public sealed class ConfigTrustTests : AppTestBase
{
    private const string VictimSecret = "Victim/Secret-Zone";
    private const string VictimOnCall = "victim-oncall";

    private static readonly string VictimBase = $"""
        timezone: {VictimSecret}
        labels: [from-victim]
        oncall:
          rotations:
            primary: {"{"} members: [{VictimOnCall}], start: 2026-01-05T09:00, shift: 1w {"}"}
        """;

    private HostileLog Log { get; } = new();

    private FakeIssue Incident => Assert.Single(Repo.Issues);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        GitHub.AddInstallation("victim", 2002);
        Repo.AddAssignable(VictimOnCall);
        foreach (var name in new[] { "private", "public" })
        {
            var victim = GitHub.Repo("victim", name);
            victim.IsPublic = name == "public";
            victim.SetFile(".github/x.yml", VictimBase);
            victim.SetFile("secret.yml", VictimBase);
            victim.SetFile(".github/incidents.yml", VictimBase);
        }
    }

    protected override Task<RunningApp> StartAppAsync() => RunningApp.StartAsync(GitHub, services: Log.AddTo);

    [Fact]
    public async Task Extends_into_another_owner_s_private_repository_is_not_read_with_that_owner_s_installation()
    {
        Repo.SetFile(".github/incidents.yml", "_extends: victim/private:.github/x.yml\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.DoesNotContain(GitHub.Requests, r => r.Path.StartsWith("/repos/victim/", StringComparison.Ordinal) && GitHub.TokenOwner(r.Authorization) == "victim");
        Assert.Equal(0, GitHub.Count("POST", "^/app/installations/2002/access_tokens$"));
        Assert.Contains("cannot read victim/private:.github/x.yml with this repository's installation", Incident.Body, StringComparison.Ordinal);
        Assert.Empty(Incident.Assignees);
        Assert.DoesNotContain("from-victim", Incident.Labels);
        AssertNoVictimValueLeft();
    }

    [Fact]
    public async Task Extends_into_another_owner_s_public_repository_applies_it()
    {
        Repo.SetFile(".github/incidents.yml", "_extends: victim/public:.github/x.yml\ntimezone: Europe/Berlin\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var read = Assert.Single(GitHub.Requests, r => r.Path == "/repos/victim/public/contents/.github/x.yml");
        Assert.Equal(("operate-first", 200), (GitHub.TokenOwner(read.Authorization), read.StatusCode));
        Assert.Contains("from-victim", Incident.Labels);
        Assert.Equal([VictimOnCall], Incident.Assignees);
        Assert.DoesNotContain("cannot read", Incident.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("victim/public:.github/%2e%2e/secret.yml")]
    [InlineData("victim/public:.github%2f..%2fsecret.yml")]
    [InlineData("victim/public:.github/..%252fsecret.yml")]
    [InlineData("operate-first/incidents:.github/%2e%2e/secret.yml")]
    public async Task An_encoded_dot_dot_is_refused_naming_the_rule_and_nothing_is_fetched(string extends)
    {
        Repo.SetFile(".github/incidents.yml", $"_extends: {extends}\n");
        Repo.SetFile("secret.yml", VictimBase);

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Equal(["/repos/operate-first/incidents/contents/.github/incidents.yml"], GitHub.Requests.Where(r => r.Path.Contains("/contents/", StringComparison.Ordinal)).Select(r => r.Path));
        Assert.Contains(".github/incidents.yml:1:11: '_extends' path is", Incident.Body, StringComparison.Ordinal);
        Assert.Contains("which leaves the repository through '..'", Incident.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("from-victim", Incident.Labels);
    }

    [Fact]
    public async Task A_template_path_that_climbs_out_is_refused_and_not_read()
    {
        Repo.SetFile(".github/incidents.yml", "templates:\n  body: .github/%2e%2e/secret.yml\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Equal(0, GitHub.Count("GET", "secret"));
        Assert.Contains("'templates.body' is \".github/%2e%2e/secret.yml\", which leaves the repository through '..'", Incident.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_another_repository_s_base_name_the_place_and_key_but_never_its_values()
    {
        GitHub.Repo("victim", "public").SetFile(".github/x.yml", VictimBase + $"\nroutes:\n  - assign: ['@{VictimOnCall} x']\n");
        Repo.SetFile(".github/incidents.yml", "_extends: victim/public:.github/x.yml\n");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        Assert.Contains("victim/public:.github/x.yml:1:11: 'timezone': the details are not shown because the file belongs to another repository", Incident.Body, StringComparison.Ordinal);
        Assert.Contains("victim/public:.github/x.yml:7:14: 'routes[0].assign[0]': the details are not shown", Incident.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(VictimSecret, Incident.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(VictimSecret, string.Join('\n', Log.Entries), StringComparison.Ordinal);
    }

    /// <summary>Nothing of the victim's file reached GitHub (issue writes, assignments) or the log.</summary>
    private void AssertNoVictimValueLeft()
    {
        var written = string.Join('\n', GitHub.Requests.Select(r => r.Body));
        var logged = string.Join('\n', Log.Entries);
        foreach (var value in new[] { VictimSecret, VictimOnCall, "from-victim" })
        {
            Assert.DoesNotContain(value, written, StringComparison.Ordinal);
            Assert.DoesNotContain(value, logged, StringComparison.Ordinal);
        }
    }
}
