using System.Diagnostics;
using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Templates;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Templates;

/// <summary>All of one delivery's renders of a repository's templates share one time and memory budget.</summary>
public sealed class TemplateBudgetTests
{
    /// <summary>2^19 calls within the recursion limit: seconds of work, so only a limit stops it.</summary>
    private const string Slow = "{{ func f(n); if n < 19; f(n + 1); f(n + 1); end; end; f(0) }}";

    /// <summary>Each step copies the growing string: within the loop limit, gigabytes of garbage.</summary>
    private const string Hungry = "{{ s = ''; for i in 1..9999; s = s + 'xxxxxxxxxxxxxxxxxxxx'; end; s.size }}";

    private static readonly IncidentView View = Views.Fixture("firing-critical.json");

    /// <summary>
    /// Per render 200 ms, per delivery 300 ms: the second slow template gets what is left, the third nothing. Memory
    /// without limit, so only time can stop them: a fast machine's recursion allocates past 32 MB within 200 ms.
    /// </summary>
    private static readonly TemplateLimits Short = TemplateLimits.Default with
    {
        TimeLimit = TimeSpan.FromMilliseconds(200),
        DeliveryTimeLimit = TimeSpan.FromMilliseconds(300),
        MemoryLimit = long.MaxValue,
        DeliveryMemoryLimit = long.MaxValue,
    };

    [Fact]
    public void Label_templates_of_one_delivery_share_its_time_budget()
    {
        var renderer = new IncidentRenderer(TemplateSources.BuiltIn, Short).ForDelivery();
        var templates = Enumerable.Range(0, 6).Select(i => $"slow{i}/{Slow}").Append("team/{{ labels.alertname }}").Append("fixed").ToList();

        var watch = Stopwatch.StartNew();
        var labels = renderer.RenderLabels(templates, View);

        // Six times the per-render limit would be 1.2 s; the budget ends it after about 300 ms.
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(900));
        Assert.Equal(["fixed"], labels.Names);
        Assert.Equal(3, labels.Warnings.Count);
        Assert.Equal("the label template 'slow0/" + Slow + "' failed, so its label was left out: it ran longer than the time limit of 200 ms", labels.Warnings[0]);
        Assert.EndsWith(
            "it ran past this delivery's template time budget (300 ms for all of the repository's templates together); " +
            "make the repository's templates do less work (shorter loops, less text) or use fewer label templates",
            labels.Warnings[1],
            StringComparison.Ordinal);
        Assert.StartsWith(
            "5 more label template(s) were not run, so their labels were left out: the templates before them spent this delivery's template time budget (300 ms",
            labels.Warnings[2],
            StringComparison.Ordinal);
    }

    [Fact]
    public void Each_delivery_has_a_budget_of_its_own()
    {
        var shared = new IncidentRenderer(TemplateSources.BuiltIn, Short);
        string[] templates = [$"slow/{Slow}", $"slow/{Slow}", "team/{{ labels.alertname }}"];

        Assert.Empty(shared.ForDelivery().RenderLabels(templates, View).Names);
        Assert.Equal(["team/JupyterHubDown"], shared.ForDelivery().RenderLabels(templates.Skip(2), View).Names);
    }

    [Fact]
    public void A_memory_hungry_template_is_stopped_and_the_built_in_one_is_used()
    {
        // Time enough that only the memory limit can stop it, even on a busy machine.
        var limits = TemplateLimits.Default with { TimeLimit = TimeSpan.FromSeconds(30), DeliveryTimeLimit = TimeSpan.FromSeconds(30) };
        var renderer = new IncidentRenderer(new TemplateSources(Body: Hungry) { BodyPath = "body.scriban" }, limits).ForDelivery();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var body = renderer.RenderBody(View, IncidentRenderer.MaxGitHubBodyLength);

        Assert.StartsWith("## 🔥 JupyterHub is down", body.Text, StringComparison.Ordinal);
        Assert.Equal(
            "body template (body.scriban) failed, so the built-in body template was used: it allocated more than the memory limit of 32 MB of one render; build less text, or smaller arrays, in loops",
            Assert.Single(body.Warnings));
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 128L * 1024 * 1024);
    }

    [Fact]
    public void A_decision_draws_title_body_and_labels_from_one_budget_and_says_which_was_spent()
    {
        var sources = new TemplateSources(Title: Slow, Body: Slow) { TitlePath = "title.scriban", BodyPath = "body.scriban" };
        var context = new IncidentContext
        {
            Repo = new RepoRef("operate-first", "incidents"),
            Key = "key-1",
            Config = IncidentConfig.Default with { Labels = ["team/{{ labels.alertname }}"] },
            Renderer = new IncidentRenderer(sources, Short),
            Now = DateTimeOffset.UnixEpoch,
        };
        var payload = AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!;

        var issue = Assert.Single(IncidentDecider.Decide(null, payload, context).Operations.OfType<CreateIssue>()).Issue;

        // The title spent 200 ms, the body the other 100 ms; the label template was not run at all.
        Assert.Equal("[CRITICAL] JupyterHub is down (opf-jupyterhub)", issue.Title);
        Assert.DoesNotContain("team/JupyterHubDown", issue.Labels);
        Assert.Contains("> - title template (title.scriban) failed: it ran longer than the time limit of 200 ms", issue.Body, StringComparison.Ordinal);
        Assert.Contains("> - body template (body.scriban) failed, so the built-in body template was used: it ran past this delivery's template time budget", issue.Body, StringComparison.Ordinal);
        Assert.Contains("> - 1 more label template(s) were not run, so their labels were left out: the templates before them spent this delivery's template time budget", issue.Body, StringComparison.Ordinal);
    }
}
