using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Alerts;

public sealed class AlertmanagerPayloadParserTests
{
    private static PayloadParseResult Parse(string json) => AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Reads_a_real_firing_delivery()
    {
        var payload = Parse(Fixtures.Alertmanager("firing-critical")).Payload!;

        Assert.Equal("firing", payload.Status);
        Assert.Equal("incidents", payload.Receiver);
        Assert.Equal(new Dictionary<string, string> { ["alertname"] = "JupyterHubDown", ["namespace"] = "opf-jupyterhub" }, payload.GroupLabels);
        var alert = Assert.Single(payload.Alerts);
        Assert.Equal("1b426ae9ae5fb0ed", alert.Fingerprint);
        Assert.True(alert.IsFiring);
        Assert.Null(alert.EndsAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 54, 28, TimeSpan.Zero), alert.StartsAt.AddTicks(-(alert.StartsAt.Ticks % TimeSpan.TicksPerSecond)));
        Assert.Equal("JupyterHub is down", payload.CommonAnnotations["summary"]);
        Assert.Equal("http://vm:19093", payload.ExternalUrl);
    }

    [Fact]
    public void Reads_truncation_and_resolution()
    {
        var truncated = Parse(Fixtures.Alertmanager("firing-truncated")).Payload!;
        var resolved = Parse(Fixtures.Alertmanager("resolved")).Payload!;

        Assert.Equal(2, truncated.TruncatedAlerts);
        Assert.Equal(3, truncated.Alerts.Count);
        Assert.True(resolved.IsResolved);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 12, 54, 41, TimeSpan.Zero), resolved.Alerts[0].EndsAt);
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{\"version\":\"4\"", "not valid JSON")]
    [InlineData("[]", "must be a JSON object, not an array")]
    [InlineData("{}", "'version' is missing")]
    [InlineData("{\"version\":\"3\"}", "only Alertmanager webhook payload version 4")]
    [InlineData("{\"version\":4}", "'version' must be a string, not a number")]
    [InlineData("{\"version\":\"4\",\"status\":\"burning\"}", "'status' is \"burning\"")]
    [InlineData("{\"version\":\"4\",\"alerts\":{}}", "'alerts' must be an array, not an object")]
    [InlineData("{\"version\":\"4\",\"alerts\":[]}", "'alerts' is empty")]
    [InlineData("{\"version\":\"4\",\"alerts\":[7]}", "'alerts[0]' must be an object, not a number")]
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"labels\":{\"a\":1}}]}", "'alerts[0].labels.a' must be a string, not a number")]
    [InlineData("{\"version\":\"4\",\"alerts\":[{\"startsAt\":\"yesterday\"}]}", "'alerts[0].startsAt' is \"yesterday\", not an RFC 3339 time")]
    [InlineData("{\"version\":\"4\",\"truncatedAlerts\":-1}", "'truncatedAlerts' must be a whole number")]
    public void Names_what_is_wrong(string json, string expected)
    {
        var result = Parse(json);

        Assert.Null(result.Payload);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_every_problem_at_once()
    {
        var result = Parse("{\"version\":\"4\",\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\"}]}");

        Assert.Contains("'groupKey' is missing", result.Errors);
        Assert.Contains("'groupLabels' is missing", result.Errors);
        Assert.Contains("'alerts[0].fingerprint' is missing", result.Errors);
        Assert.Contains("'alerts[0].labels' is missing", result.Errors);
    }

    [Fact]
    public void Refuses_deep_nesting_without_crashing()
    {
        var json = "{\"version\":\"4\",\"x\":" + new string('[', 5000) + new string(']', 5000) + "}";

        var result = Parse(json);

        Assert.Null(result.Payload);
        Assert.Contains("not valid JSON", result.Errors[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_invalid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical")).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'J'), new byte[] { 0xC3, 0x28 });

        var result = AlertmanagerPayloadParser.Parse(bytes.ToArray());

        Assert.Null(result.Payload);
        Assert.Contains("not valid UTF-8", result.Errors[0], StringComparison.Ordinal);
    }
}
