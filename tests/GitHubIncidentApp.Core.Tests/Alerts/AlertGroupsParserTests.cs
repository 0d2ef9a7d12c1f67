using System.Text;
using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Tests.Alerts;

public sealed class AlertGroupsParserTests
{
    // What Alertmanager 0.25 answers for GET /api/v2/alerts/groups, one alert silenced.
    private const string TwoGroups = """
        [
          {
            "alerts": [
              {
                "annotations": { "summary": "Disk almost full" },
                "endsAt": "2026-11-24T19:47:25.000Z",
                "fingerprint": "af92b7bec0c9d3df",
                "receivers": [ { "name": "github" } ],
                "startsAt": "2026-11-24T18:47:25.000Z",
                "status": { "inhibitedBy": [], "silencedBy": [], "state": "active" },
                "updatedAt": "2026-11-24T18:47:25.351Z",
                "generatorURL": "http://prometheus/graph?g0.expr=disk",
                "labels": { "alertname": "DiskFull", "instance": "a" }
              },
              {
                "annotations": {},
                "endsAt": "2026-11-24T19:47:25.000Z",
                "fingerprint": "8176ef019b0aff4b",
                "receivers": [ { "name": "github" } ],
                "startsAt": "2026-11-24T18:47:25.000Z",
                "status": { "inhibitedBy": [], "silencedBy": ["5f7d"], "state": "suppressed" },
                "updatedAt": "2026-11-24T18:47:25.351Z",
                "labels": { "alertname": "DiskFull", "instance": "b" }
              }
            ],
            "labels": { "alertname": "DiskFull" },
            "receiver": { "name": "github" }
          },
          { "alerts": [], "labels": {}, "receiver": { "name": "null" } }
        ]
        """;

    private static AlertGroupsParseResult Parse(string json) => AlertGroupsParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_groups_receivers_and_each_alerts_state()
    {
        var groups = Parse(TwoGroups).Groups!;

        Assert.Equal(2, groups.Count);
        var group = groups[0];
        Assert.Equal("github", group.Receiver.Name);
        Assert.Equal("DiskFull", group.Labels["alertname"]);
        var (active, silenced) = (group.Alerts[0], group.Alerts[1]);
        Assert.True(active.IsActive);
        Assert.Equal("af92b7bec0c9d3df", active.Fingerprint);
        Assert.Equal("Disk almost full", active.Annotations["summary"]);
        Assert.Equal("http://prometheus/graph?g0.expr=disk", active.GeneratorUrl);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 18, 47, 25, TimeSpan.Zero), active.StartsAt);
        Assert.False(silenced.IsActive);
        Assert.Equal(["5f7d"], silenced.Status.SilencedBy);
        Assert.Equal("", silenced.GeneratorUrl);
        Assert.Empty(groups[1].Alerts);
    }

    [Fact]
    public void An_empty_list_is_no_groups_not_an_error()
    {
        var parsed = Parse("[]");

        Assert.Empty(parsed.Groups!);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>", "it is not a list of alert groups: '<' is an invalid start of a value")]
    [InlineData("""{"status":"success","data":[]}""", "it is not a list of alert groups: The JSON value could not be converted")]
    [InlineData("null", "it is null, not a list of alert groups")]
    [InlineData("""[{"labels":{},"receiver":{"name":"x"}}]""", "missing required properties including: 'alerts'")]
    [InlineData("""[{"labels":{},"receiver":{"name":"x"},"alerts":null}]""", "$[0].alerts")]
    public void Anything_else_is_an_error_never_an_empty_list(string body, string error)
    {
        var parsed = Parse(body);

        Assert.Null(parsed.Groups);
        Assert.Contains(error, Assert.Single(parsed.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_state_or_an_empty_fingerprint_is_named_with_its_place()
    {
        var body = TwoGroups.Replace("\"state\": \"active\"", "\"state\": \"firing\"", StringComparison.Ordinal)
            .Replace("8176ef019b0aff4b", "", StringComparison.Ordinal);

        var parsed = Parse(body);

        Assert.Null(parsed.Groups);
        Assert.Equal(
            ["$[0].alerts[0].status.state is \"firing\"; expected one of active, suppressed, unprocessed", "$[0].alerts[1].fingerprint is empty"],
            parsed.Errors);
    }
}
