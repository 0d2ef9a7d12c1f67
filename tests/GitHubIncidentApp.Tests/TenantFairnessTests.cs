using System.Diagnostics;
using System.Net;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// A repository's config and templates are its people's code: however slow or memory-hungry, they cost their own
/// deliveries a bounded time, and never hold all the workers, so another repository's incident reaches GitHub in seconds.
/// </summary>
public sealed class TenantFairnessTests : AppTestBase
{
    /// <summary>2^19 calls within the recursion limit: seconds of work, so only a limit stops it.</summary>
    private const string SlowLabel = "{{ func f(n); if n < 19; f(n + 1); f(n + 1); end; end; f(0) }}";

    /// <summary>Each step copies the growing string: within the loop limit, gigabytes of garbage.</summary>
    private const string HungryBody = "{{ s = ''; for i in 1..9999; s = s + 'xxxxxxxxxxxxxxxxxxxx'; end; s.size }}";

    private readonly HostileLog _log = new();

    protected override Task<RunningApp> StartAppAsync() => RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["ALLOWED_REPOS"] = "operate-first/*, other-org/shop" }, services: _log.AddTo);

    [Fact]
    public async Task A_repository_whose_templates_burn_their_limits_does_not_delay_another_repositorys_incident()
    {
        // Twenty label templates of a second each: twenty seconds a delivery without the delivery's budget.
        var labels = string.Concat(Enumerable.Range(0, 20).Select(i => $"  - \"slow{i}/{SlowLabel}\"\n"));
        Repo.SetFile(".github/incidents.yml", $"templates:\n  body: .github/incident/body.scriban\nlabels:\n{labels}");
        Repo.SetFile(".github/incident/body.scriban", HungryBody);
        GitHub.AddInstallation("other-org", 2002);
        var other = GitHub.Repo("other-org", "shop");

        // A burst for the busy repository, as many deliveries as there are workers, then one alert elsewhere.
        var groups = Enumerable.Range(1, 4).Select(i => $"Burst{i}").ToList();
        foreach (var group in groups)
        {
            using var response = await App.PostAlertsAsync(Payloads.Group(group));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        var sent = Stopwatch.StartNew();
        using (var response = await App.PostAlertsAsync(Fixtures.Alertmanager("firing-critical"), "api/alertmanager/other-org/shop"))
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        while (other.Issues.Count == 0 && sent.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }

        Assert.Single(other.Issues);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(5), $"the other repository's issue took {sent.Elapsed.TotalSeconds:F1} s");

        // The busy repository's incidents still open, with the built-in body and a note that says what to fix.
        await App.WaitUntilIdleAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(groups.Count, Repo.Issues.Count);
        Assert.All(Repo.Issues, issue =>
        {
            Assert.Contains("\n## 🔥 ", issue.Body, StringComparison.Ordinal);
            Assert.Contains("> - body template failed, so the built-in body template was used: it allocated more than the memory limit of 32 MB", issue.Body, StringComparison.Ordinal);
            Assert.Contains("label template(s) were not run, so their labels were left out: the templates before them spent this delivery's template", issue.Body, StringComparison.Ordinal);
            Assert.Contains("use fewer label templates", issue.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(issue.Labels, label => label.StartsWith("slow", StringComparison.Ordinal));
        });
        Assert.Equal(groups.Count, _log.Entries.Count(e => e.Message.StartsWith("The templates of operate-first/incidents spent this delivery's template budget", StringComparison.Ordinal)));
    }
}
