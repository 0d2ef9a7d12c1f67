using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Action.Tests;

/// <summary>The Action reads <c>_extends</c> with the workflow's token, as far as that token reaches, in a real run and a dry run alike.</summary>
public sealed partial class ActionConfigTrustTests : ActionRunTestBase
{
    protected override void Arrange()
    {
        GitHub.AddInstallation("victim", 2002);
        foreach (var name in new[] { "private", "public" })
        {
            var victim = GitHub.Repo("victim", name);
            victim.IsPublic = name == "public";
            victim.SetFile(".github/x.yml", "labels: [from-victim]\n");
        }
    }

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Another_owner_s_private_base_is_reported_unreadable_and_a_public_one_applies(string dryRun)
    {
        var inputs = new Dictionary<string, string> { [ActionInputs.DryRun] = dryRun };
        Repo.SetFile(".github/incidents.yml", "_extends: victim/private:.github/x.yml\n");
        var refused = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-critical")), inputs);
        Repo.SetFile(".github/incidents.yml", "_extends: victim/public:.github/x.yml\n");
        var applied = await Action.RunAsync(GitHub, "repository_dispatch", SeededIncident.AlertDispatch(Fixtures.Alertmanager("firing-truncated")), inputs);

        Assert.True(refused.ExitCode == 0 && applied.ExitCode == 0, refused.Stdout + applied.Stdout);
        Assert.Contains("cannot read victim/private:.github/x.yml with this repository's installation", refused.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("from-victim", refused.Stdout, StringComparison.Ordinal);
        var labels = dryRun == "true" ? LabelsPattern().Match(applied.Stdout).Groups["labels"].Value.Split(", ") : Repo.Issues[^1].Labels;
        Assert.Contains("from-victim", labels);
        Assert.All(GitHub.Requests, r => Assert.Equal($"token {ActionProcess.Token}", r.Authorization, ignoreCase: true));
    }

    [GeneratedRegex("would create issue in operate-first/incidents as #[0-9]+: title=.*?, labels=\\[(?<labels>[^\\]]*)\\], assignees=")]
    private static partial Regex LabelsPattern();
}
