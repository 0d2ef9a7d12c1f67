using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Hostile and broken requests to <c>POST /api/alertmanager[/{owner}/{repo}]</c>. The body must be sent as
/// <c>application/json</c> (any charset parameter; a UTF-8 BOM is taken), else 415; the token as Bearer or as
/// the basic-auth password, else 401; at most 1 MiB, else 413; a version 4 payload, else 400 naming the field.
/// </summary>
public sealed partial class HostileAlertmanagerTests : HostileTestBase
{
    private const string Token = RunningApp.AlertmanagerToken;

    /// <summary>What a delivery that opens its (critical, so pinned) incident writes to GitHub.</summary>
    private static readonly string[] OpensIssue = ["POST /issues", "POST /graphql"];

    private static readonly HostileCase[] All =
    [
        Refused("malformed JSON", "{\"version\": \"4\", \"status\": firing}", "not valid JSON"),
        Refused("truncated JSON", Fixtures.Alertmanager("firing-critical")[..200], "not valid JSON"),
        Refused("empty body", "", "not valid JSON"),
        Refused("whitespace only", "   \n ", "not valid JSON"),
        Refused("array", "[{\"version\":\"4\"}]", "must be a JSON object, not an array"),
        Refused("string", "\"firing\"", "must be a JSON object, not a string"),
        Refused("number", "42", "must be a JSON object, not a number"),
        Refused("null", "null", "must be a JSON object, not null"),
        Refused("alerts not an array", Alerts(root => root["alerts"] = new JsonObject()), "'alerts' must be an array, not an object"),
        Refused("alert not an object", Alerts(root => root["alerts"] = new JsonArray("firing")), "'alerts[0]' must be an object, not a string"),
        Refused("numeric label value", Alerts(root => root["alerts"]![0]!["labels"]!["severity"] = 2), "'alerts[0].labels.severity' must be a string, not a number"),
        Refused("labels an array", Alerts(root => root["groupLabels"] = new JsonArray()), "'groupLabels' must be an object of strings, not an array"),
        Refused("status bogus", Alerts(root => root["status"] = "bogus"), "'status' is \"bogus\"; expected \"firing\" or \"resolved\""),
        Refused("alert status bogus", Alerts(root => root["alerts"]![0]!["status"] = "bogus"), "'alerts[0].status' is \"bogus\""),
        Refused("version 3", Alerts(root => root["version"] = "3"), "only Alertmanager webhook payload version 4"),
        Refused("version a number", Alerts(root => root["version"] = 4), "'version' must be a string, not a number"),
        Refused("startsAt not a time", Alerts(root => root["alerts"]![0]!["startsAt"] = "yesterday"), "not an RFC 3339 time"),
        Refused("truncatedAlerts huge", Alerts(root => root["truncatedAlerts"] = 1e300), "'truncatedAlerts' must be a whole number"),
        Refused("deep nesting", Nested(10_000), "not valid JSON"),
        Refused("deep nesting in labels", Alerts(root => root["commonLabels"]!["x"] = "nested").Replace("\"nested\"", Nested(10_000), StringComparison.Ordinal), "not valid JSON"),
        new()
        {
            Name = "invalid UTF-8",
            Send = test => test.SendAsync(AlertmanagerRequest([.. "{\"version\":\""u8, 0xC3, 0x28, .. "\"}"u8])),
            Status = HttpStatusCode.BadRequest,
            Says = "not valid UTF-8",
        },
        new()
        {
            Name = "UTF-8 BOM",
            Send = test => test.SendAsync(AlertmanagerRequest([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))])),
            Status = HttpStatusCode.Accepted,
            Writes = OpensIssue,
        },
        new()
        {
            Name = "10 MB declared",
            Send = test => test.SendHugeBodyAsync("api/alertmanager/operate-first/incidents", $"Authorization: Bearer {Token}\r\n", chunked: false),
            Status = HttpStatusCode.RequestEntityTooLarge,
            Says = "larger than 1024 KiB",
        },
        new()
        {
            Name = "10 MB chunked",
            Send = test => test.SendHugeBodyAsync("api/alertmanager/operate-first/incidents", $"Authorization: Bearer {Token}\r\n", chunked: true),
            Status = HttpStatusCode.RequestEntityTooLarge,
            Says = "larger than 1024 KiB",
        },
        new()
        {
            Name = "1,000 alerts",
            Send = test => test.SendAsync(AlertmanagerRequest(ManyAlerts(1_000))),
            Status = HttpStatusCode.Accepted,
            Writes = OpensIssue,
            Check = test =>
            {
                var issue = Assert.Single(((HostileAlertmanagerTests)test).Repo.Issues);
                Assert.InRange(issue.Body.Length, 1, Testing.FakeGitHub.FakeGitHubServer.MaxBodyLength);
                Assert.Contains("did not fit in this issue", issue.Body, StringComparison.Ordinal);
                HostileMarkdown.AssertTableIntact(issue.Body[..issue.Body.IndexOf("did not fit", StringComparison.Ordinal)], rows: issue.Body.Split('\n').Count(line => line.StartsWith("| 🔥", StringComparison.Ordinal)));
                return Task.CompletedTask;
            },
        },
        Sent("text/plain", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Sent("no content type", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), contentType: null), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Sent("form content type", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), contentType: "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Sent("json with charset", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), contentType: "application/json; charset=utf-8"), HttpStatusCode.Accepted, writes: OpensIssue),
        Unauthorized("no credentials", null),
        Unauthorized("wrong token", "Bearer not-the-token"),
        Unauthorized("empty bearer", "Bearer "),
        Unauthorized("token prefix", "Bearer " + Token[..^1]),
        Unauthorized("token twice", "Bearer " + Token + Token),
        Unauthorized("token and more", $"Bearer {Token} extra"),
        Unauthorized("tab for a space", "Bearer\t" + Token),
        Unauthorized("no scheme", Token),
        Unauthorized("other scheme", "Token " + Token),
        Unauthorized("basic wrong password", Basic(Token, "wrong")),
        Unauthorized("basic token as user", Basic(Token, "")),
        Unauthorized("basic not base64", "Basic !!!"),
        Sent("bearer padded with spaces", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), $"Bearer   {Token}  "), HttpStatusCode.Accepted, writes: OpensIssue),
        Sent("bearer in lower case", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), "bearer " + Token), HttpStatusCode.Accepted, writes: OpensIssue),
        Sent("basic with the token", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), Basic("alertmanager", Token)), HttpStatusCode.Accepted, writes: OpensIssue),
        Sent("repository path traversal", () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), path: "api/alertmanager/..%2F..%2Fetc/passwd"), HttpStatusCode.BadRequest, "has an encoded '/'"),
        Content("mentions", "paging @octocat and @operate-first/admins, cc @everyone"),
        Content("issue references", "see #123, GH-42 and operate-first/incidents#123"),
        Content("HTML", "<script>alert(1)</script><img src=x onerror=alert(1)><details open><iframe src=//x>"),
        Content("Markdown that breaks tables", "a | b || c\n# heading\n```\ncode\n```\n---\n> quote\n`tick` **bold** [link](http://x) ![img](http://x)"),
        Content("template syntax", "{{ 6 + 1 }} {{ date.now }} {% if true %}x{% endif %} {{~ include 'x' ~}}", (_, body) =>
        {
            Assert.Contains("{{ 6 + 1 }}", body, StringComparison.Ordinal);
            Assert.Contains("{% if true %}x{% endif %}", body, StringComparison.Ordinal);
        }),
        Content("comment breakout", "--> @octocat <!-- incident-app:end --> <!--"),
        new()
        {
            Name = "hostile label names",
            Send = test => test.SendAsync(AlertmanagerRequest(Payloads.WithSecondAlert(
                Alerts(root => root["alerts"]![0]!["labels"]!["<img src=x onerror=alert(1)>|@octocat|#123"] = "value"), "hub-2:8081"))),
            Status = HttpStatusCode.Accepted,
            Writes = OpensIssue,
            Check = test =>
            {
                var issue = Assert.Single(((HostileAlertmanagerTests)test).Repo.Issues);
                HostileMarkdown.AssertInert(issue.Body);
                HostileMarkdown.AssertTableIntact(issue.Body, rows: 2);
                return Task.CompletedTask;
            },
        },
        new()
        {
            Name = "script links",
            Send = test => test.SendAsync(AlertmanagerRequest(Alerts(root =>
            {
                root["commonAnnotations"]!["runbook_url"] = "javascript:alert(1)";
                root["alerts"]![0]!["generatorURL"] = "javascript:alert(document.cookie)";
                root["externalURL"] = "data:text/html,<script>alert(1)</script>";
            }))),
            Status = HttpStatusCode.Accepted,
            Writes = OpensIssue,
            Check = test =>
            {
                var body = Assert.Single(((HostileAlertmanagerTests)test).Repo.Issues).Body;
                Assert.DoesNotContain("](javascript:", body, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("](data:", body, StringComparison.OrdinalIgnoreCase);
                HostileMarkdown.AssertInert(body);
                return Task.CompletedTask;
            },
        },
        Content("control characters", "bell\a null\0 escape\u001b[31m rtl\u202Eevil", (_, body) => Assert.DoesNotContain('\0', body)),
        // Alerts that do not fit are left out of the table, and the issue names them.
        Content("extremely long label value", new string('x', 10_000) + " @octocat", table: false, check: (issue, body) =>
        {
            Assert.InRange(body.Length, 1, Testing.FakeGitHub.FakeGitHubServer.MaxBodyLength);
            Assert.InRange(issue.Title.Length, 1, 256);
            Assert.Contains(new string('x', 10_000), HtmlComment().Replace(body, ""), StringComparison.Ordinal);
        }),
    ];

    public static TheoryData<string> Cases => [.. All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Refuses_or_neutralises_hostile_requests(string name) => RunAsync(All.Single(c => c.Name == name));

    private static HostileCase Refused(string name, string body, string says) =>
        Sent(name, () => AlertmanagerRequest(body), HttpStatusCode.BadRequest, says);

    private static HostileCase Unauthorized(string name, string? authorization) =>
        Sent(name, () => AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"), authorization), HttpStatusCode.Unauthorized, "ALERTMANAGER_TOKEN");

    private static HostileCase Sent(string name, Func<HttpRequestMessage> request, HttpStatusCode status, string? says = null, string[]? writes = null) => new()
    {
        Name = name,
        Send = test => test.SendAsync(request()),
        Status = status,
        Says = says,
        Writes = writes ?? [],
    };

    /// <summary>
    /// <paramref name="text"/> in every place alert text reaches the issue: summary and description, a label of
    /// one alert of two (its table row), a group label (the title).
    /// </summary>
    private static HostileCase Content(string name, string text, Action<Testing.FakeGitHub.FakeIssue, string>? check = null, bool table = true) => new()
    {
        Name = name,
        Send = test => test.SendAsync(AlertmanagerRequest(Payloads.WithSecondAlert(Alerts(root =>
        {
            foreach (var annotations in new[] { root["commonAnnotations"]!, root["alerts"]![0]!["annotations"]! })
            {
                annotations["summary"] = text;
                annotations["description"] = text;
            }

            root["alerts"]![0]!["labels"]!["instance"] = text;
            root["commonLabels"]!["instance"] = text;
            root["groupLabels"]!["namespace"] = text;
        }), "hub-2:8081"))),
        Status = HttpStatusCode.Accepted,
        Writes = OpensIssue,
        Check = test =>
        {
            var issue = Assert.Single(((HostileAlertmanagerTests)test).Repo.Issues);
            HostileMarkdown.AssertNoMentions(issue.Title);
            HostileMarkdown.AssertInert(issue.Body);
            if (table)
            {
                HostileMarkdown.AssertTableIntact(issue.Body, rows: 2);
            }

            check?.Invoke(issue, issue.Body);
            return Task.CompletedTask;
        },
    };

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    private static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string ManyAlerts(int count) => Alerts(root =>
    {
        var first = root["alerts"]![0]!;
        var alerts = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var alert = first.DeepClone();
            alert["labels"]!["instance"] = $"hub-{i}:8081";
            alert["fingerprint"] = $"{i:x16}";
            alerts.Add(alert);
        }

        root["alerts"] = alerts;
    });
}
