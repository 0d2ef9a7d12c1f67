using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>README's picture of a storm issue is the renderer's output for a fixed storm, so the two cannot drift apart.</summary>
public sealed class StormIssueExampleTests
{
    private const string Begin = "<!-- storm-example:begin -->";
    private const string End = "<!-- storm-example:end -->";

    private static readonly DateTimeOffset Started = new(2026, 12, 2, 14, 3, 0, TimeSpan.Zero);

    private static StormMember Member(string key, string severity, int minutes, string alertname, string instance, string owner) => new()
    {
        Key = key,
        Severity = severity,
        StartedAt = Started.AddMinutes(minutes),
        Labels = new Dictionary<string, string> { ["alertname"] = alertname, ["instance"] = instance },
        Owners = [owner],
    };

    private static readonly StormState Storm = new()
    {
        AlertsUrl = "https://alertmanager.example.org",
        Members =
        [
            Member("a1", "warning", 0, "HighLatency", "web-1", "@alice"),
            Member("a2", "critical", 0, "DatabaseDown", "db-1", "@my-org/dba") with { OwnIssue = true, Issue = 412 },
            Member("a3", "warning", 1, "HighLatency", "web-2", "@alice"),
            Member("a4", "warning", 1, "QueueBacklog", "worker-3", "@bob") with { ResolvedAt = Started.AddMinutes(9) },
            Member("a5", "info", 2, "CertificateExpiresSoon", "api", "@my-org/sre"),
        ],
        Unlisted = 0,
    };

    /// <summary>The example as README shows it: the title, then the body's text, quoted.</summary>
    private static string Rendered()
    {
        var state = new IncidentState { Key = StormDecider.Key, Status = "firing", Firing = [], Severity = "critical", StartedAt = Started, Storm = Storm };
        var context = TestIncidents.Context(IncidentConfig.Default, Started.AddMinutes(10)) with { Repo = new RepoRef("my-org", "incidents") };
        var text = $"**{StormIssueText.Title(Storm, context.Repo, ended: false)}**\n\n{StormIssueText.Content(Storm, state, context, IssueBody.SectionMaxLength).TrimEnd()}";
        return string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? ">" : "> " + line));
    }

    [Fact]
    public void The_readmes_storm_issue_is_what_the_app_renders()
    {
        var readme = File.ReadAllText(Path.Combine(RepoFiles.Root, "README.md")).ReplaceLineEndings("\n");
        var begin = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, $"README.md has no {Begin} ... {End} section");

        var shown = readme[(begin + Begin.Length)..end].Trim('\n');
        Assert.True(Rendered() == shown, $"README.md's storm example differs from the renderer's output; put this between the markers:\n{Rendered()}");
    }
}
