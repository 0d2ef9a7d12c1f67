using System.Net;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>severity_field</c> through the running app against the fake GitHub: the field in the create call, set again when
/// the severity changes, and every way it cannot be set said once in the log and in the issues, with no incident lost.
/// </summary>
public sealed class SeverityFieldTests : AppTestBase
{
    private const string Owner = "operate-first";
    private const string FieldsPath = "^/orgs/operate-first/issue-fields$";

    private readonly HostileLog _log = new();
    private int _deliveries;

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(".github/incidents.yml", "severity_field: Severity\n");
        Repo.SetRole("alice", "triage");
        return RunningApp.StartAsync(GitHub, services: _log.AddTo);
    }

    private IReadOnlyList<HostileLogEntry> FieldWarnings =>
        [.. _log.Entries.Where(entry => entry.Level == LogLevel.Warning && entry.Message.Contains("severity issue field Severity", StringComparison.Ordinal))];

    private IEnumerable<RecordedRequest> Creates => GitHub.Requests.Where(r => r.Method == "POST" && r.Path == "/repos/operate-first/incidents/issues");

    private static JsonNode? FieldValues(RecordedRequest request) => JsonNode.Parse(request.Body)!["issue_field_values"];

    private void SeverityField(params string[] options) => GitHub.SetIssueFields(Owner, FakeIssueField.Select(5, "Priority", "High"), FakeIssueField.Select(7, "Severity", options));

    private async Task<string> MetricsAsync()
    {
        using var client = new HttpClient { BaseAddress = App.BaseUrl };
        return await client.GetStringAsync("metrics");
    }

    private async Task SendAsync(string eventName, byte[] payload)
    {
        var (status, _) = await Webhooks.PostAsync(App.BaseUrl, eventName, payload, Webhooks.Sign(payload), $"delivery-{++_deliveries}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        await App.WaitUntilIdleAsync();
    }

    private Task CommentAsync(FakeIssue issue, string body) =>
        SendAsync("issue_comment", Webhooks.Comment(Repo, issue, Repo.AddComment(issue.Number, "alice", body)));

    [Fact]
    public async Task The_create_call_carries_the_field_and_the_organisations_fields_are_read_once()
    {
        SeverityField("Critical", "Warning", "Info");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Payloads.Group("DiskFull", "warning"));

        Assert.Equal(2, Creates.Count());
        var values = FieldValues(Creates.First())!.AsArray();
        Assert.Equal(7, Assert.Single(values)!["field_id"]!.GetValue<long>());
        Assert.Equal("Critical", values[0]!["value"]!.GetValue<string>());
        Assert.Equal(["Critical", "Warning"], Repo.Issues.Select(issue => issue.Fields["Severity"]));
        Assert.Equal(1, GitHub.Count("GET", FieldsPath));
        Assert.Equal(0, GitHub.Count("POST", "/issue-field-values$"));
        Assert.All(Repo.Issues, issue => Assert.DoesNotContain("[!WARNING]", issue.Body, StringComparison.Ordinal));
        Assert.Empty(FieldWarnings);
        Assert.Contains("incident_app_issue_field_writes_total{outcome=\"created\"} 2\n", await MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Severity_and_a_severity_label_a_person_sets_set_the_field_with_one_call_each()
    {
        SeverityField("Critical", "Warning", "Info");
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var incident = Assert.Single(Repo.Issues);
        GitHub.ClearRequests();

        await CommentAsync(incident, "/severity warning");

        var set = Assert.Single(GitHub.Requests, r => r.Method == "POST" && r.Path == $"/repos/operate-first/incidents/issues/{incident.Number}/issue-field-values");
        Assert.Equal("Warning", FieldValues(set)![0]!["value"]!.GetValue<string>());
        Assert.Equal("Warning", Repo.Issue(incident.Number).Fields["Severity"]);

        Repo.EditIssue(incident.Number, new FakeIssuePatch { Labels = ["incident", "severity/warning", "severity/info"] });
        await SendAsync("issues", Webhooks.IssueChange("labeled", Repo, Repo.Issue(incident.Number), "alice", "severity/info"));

        Assert.Equal("Info", Repo.Issue(incident.Number).Fields["Severity"]);
        Assert.Equal(2, GitHub.Count("POST", "/issue-field-values$"));
        Assert.Equal(0, GitHub.Count("GET", FieldsPath));
    }

    [Fact]
    public async Task A_personal_accounts_incidents_open_without_the_field_and_say_so_once_in_the_log()
    {
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        await App.DeliverAsync(Payloads.Group("DiskFull"));

        Assert.Equal(2, Repo.Issues.Count);
        Assert.All(Creates, create => Assert.Null(FieldValues(create)));
        Assert.All(Repo.Issues, issue => Assert.Contains("operate-first has no issue fields: it is a personal account", issue.Body, StringComparison.Ordinal));
        // The first issue learned it (one call more); the second carried the note from the start.
        Assert.Equal(1, GitHub.Count("PATCH", "^/repos/operate-first/incidents/issues/1$"));
        Assert.Equal(0, GitHub.Count("PATCH", "^/repos/operate-first/incidents/issues/2$"));
        Assert.Single(FieldWarnings);
    }

    [Fact]
    public async Task An_organisation_without_the_field_opens_incidents_without_it_and_names_its_fields()
    {
        GitHub.SetIssueFields(Owner, FakeIssueField.Select(5, "Priority", "High"));

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var opened = Assert.Single(Repo.Issues);
        Assert.Equal("open", opened.State);
        Assert.Null(FieldValues(Assert.Single(Creates)));
        Assert.Contains("names the issue field \"Severity\", which operate-first does not have (its fields: \"Priority\")", opened.Body, StringComparison.Ordinal);
        Assert.Single(FieldWarnings);
    }

    [Fact]
    public async Task A_field_without_the_levels_option_opens_incidents_without_it_and_says_how_to_map_one()
    {
        SeverityField("P0", "P1");

        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));

        var opened = Assert.Single(Repo.Issues);
        Assert.Equal("open", opened.State);
        Assert.Empty(opened.Fields);
        Assert.Contains("has no option \"critical\" for severity critical (its options: \"P0\", \"P1\")", opened.Body, StringComparison.Ordinal);
        Assert.Contains("'severity_field.values'", opened.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_create_refused_for_the_field_is_made_again_without_it_and_no_incident_is_lost()
    {
        SeverityField("Critical");
        await App.DeliverAsync(Payloads.Group("DiskFull"));
        // The organisation removes the option while the app still has its fields from the last read.
        SeverityField("Warning");

        await App.DeliverAsync(Payloads.Group("CpuHigh"));

        Assert.Equal(2, Repo.Issues.Count);
        var second = Repo.Issue(2);
        Assert.Equal("open", second.State);
        Assert.Empty(second.Fields);
        Assert.Contains("GitHub refused to set the issue field \"Severity\" (422 UnprocessableEntity)", second.Body, StringComparison.Ordinal);
        var tries = Creates.Skip(1).ToList();
        Assert.Equal(2, tries.Count);
        Assert.NotNull(FieldValues(tries[0]));
        Assert.Null(FieldValues(tries[1]));
        Assert.Single(FieldWarnings);
    }

    [Fact]
    public async Task A_refused_set_call_is_noted_in_the_issue_once_and_the_severity_still_changes()
    {
        SeverityField("Critical", "Warning", "Info");
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
        var incident = Assert.Single(Repo.Issues);
        GitHub.RefuseIssueFieldWrites(Owner, 403);

        await CommentAsync(incident, "/severity warning");
        await CommentAsync(incident, "/severity info");

        var now = Repo.Issue(incident.Number);
        Assert.Contains("severity/info", now.Labels);
        Assert.Equal("Critical", now.Fields["Severity"]);
        Assert.Contains("GitHub refused to set the issue field \"Severity\" (403 Forbidden)", now.Body, StringComparison.Ordinal);
        Assert.Equal(2, GitHub.Count("POST", "/issue-field-values$"));
        Assert.Single(FieldWarnings);
        Assert.Empty(_log.Failures);
        Assert.Contains("incident_app_issue_field_writes_total{outcome=\"refused\"} 2\n", await MetricsAsync(), StringComparison.Ordinal);
    }
}
