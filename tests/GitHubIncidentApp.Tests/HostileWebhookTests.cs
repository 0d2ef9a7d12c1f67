using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Hostile and broken deliveries to <c>POST /api/github/webhooks</c>, against an open incident issue: the body
/// must be signed (<c>X-Hub-Signature-256</c>), else 401; sent as <c>application/json</c>, else 415; at most 5 MiB,
/// else 413; readable for its event, else 400. Events and comments the app has no use for are answered and dropped.
/// </summary>
public sealed class HostileWebhookTests : HostileTestBase
{
    private static readonly string[] ReplyAndReactions = ["POST /issues/comments/{n}/reactions", "POST /issues/comments/{n}/reactions", "POST /issues/{n}/comments"];

    private static readonly HostileCase[] All =
    [
        Unreadable("malformed JSON", "issues", "{\"action\": labeled}", "not valid JSON"),
        Unreadable("truncated JSON", "issues", Fixtures.Text("github/issues.labeled.json")[..300], "not valid JSON"),
        Unreadable("empty body", "issues", "", "not valid JSON"),
        Unreadable("array", "issues", "[{\"action\":\"labeled\"}]", "must be a JSON object"),
        Unreadable("string", "issue_comment", "\"created\"", "must be a JSON object"),
        Unreadable("number", "issue_comment", "7", "must be a JSON object"),
        Unreadable("issue number a string", "issues", Edit("issues.labeled", root => root["issue"]!["number"] = "1"), "not a GitHub 'issues' webhook payload"),
        Unreadable("labels not an array", "issues", Edit("issues.labeled", root => root["issue"]!["labels"] = "incident"), "not a GitHub 'issues' webhook payload"),
        Unreadable("comment body a number", "issue_comment", Edit("issue_comment.created", root => root["comment"]!["body"] = 42), "not a GitHub 'issue_comment' webhook payload"),
        Unreadable("action an object", "issues", Edit("issues.labeled", root => root["action"] = new JsonObject()), "not a GitHub 'issues' webhook payload"),
        Unreadable("deep nesting", "issues", "{\"action\":\"labeled\",\"issue\":" + new string('[', 10_000) + new string(']', 10_000) + "}", "not valid JSON"),
        new()
        {
            Name = "invalid UTF-8",
            Send = test => test.SendAsync(Signed("issues", [.. "{\"action\":\""u8, 0xFF, 0xFE, .. "\"}"u8])),
            Status = HttpStatusCode.BadRequest,
            Says = "not valid UTF-8",
        },
        new()
        {
            Name = "UTF-8 BOM",
            Send = test => test.SendAsync(Signed("issue_comment", [0xEF, 0xBB, 0xBF, .. Command(test, "alice", "/ack")])),
            Status = HttpStatusCode.Accepted,
            Writes = ["POST /issues/comments/{n}/reactions", "POST /issues/comments/{n}/reactions", "POST /issues/{n}/comments", "PATCH /issues/{n}", "POST /issues/{n}/assignees"],
        },
        new()
        {
            Name = "10 MB declared",
            Send = test => test.SendHugeBodyAsync(Webhooks.DefaultPath, "X-GitHub-Event: issues\r\nX-GitHub-Delivery: huge\r\nX-Hub-Signature-256: sha256=" + new string('0', 64) + "\r\n", chunked: false),
            Status = HttpStatusCode.RequestEntityTooLarge,
            Says = "larger than 5 MB",
        },
        new()
        {
            Name = "10 MB chunked",
            Send = test => test.SendHugeBodyAsync(Webhooks.DefaultPath, "X-GitHub-Event: issues\r\nX-GitHub-Delivery: huge\r\nX-Hub-Signature-256: sha256=" + new string('0', 64) + "\r\n", chunked: true),
            Status = HttpStatusCode.RequestEntityTooLarge,
            Says = "larger than 5 MB",
        },
        Sent("text/plain", () => Signed("issues", Fixtures.Bytes("github/issues.labeled.json"), contentType: "text/plain"), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Sent("no content type", () => Signed("issues", Fixtures.Bytes("github/issues.labeled.json"), contentType: null), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Sent("form content type", () => Signed("issues", Fixtures.Bytes("github/issues.labeled.json"), contentType: "application/x-www-form-urlencoded"), HttpStatusCode.UnsupportedMediaType, "application/json"),
        Unsigned("missing HMAC", _ => null, "X-Hub-Signature-256 is missing"),
        Unsigned("empty HMAC", _ => "", "X-Hub-Signature-256 is missing"),
        Unsigned("wrong secret", body => Webhooks.Sign(body, "not-the-secret"), "does not match the body"),
        Unsigned("HMAC of another body", body => Webhooks.Sign([.. body, (byte)' ']), "does not match the body"),
        Unsigned("sha1 only", body => "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(RunningApp.WebhookSecret), body)), "SHA-1 signatures are not accepted"),
        Unsigned("HMAC without prefix", body => Webhooks.Sign(body)["sha256=".Length..], "must be 'sha256='"),
        Unsigned("HMAC with padding", body => Webhooks.Sign(body) + "00", "64 hex digits"),
        new()
        {
            Name = "replayed delivery",
            Send = async test =>
            {
                var payload = Command(test, "alice", "/ack");
                var first = await test.SendAsync(Signed("issue_comment", payload, "replayed"));
                Assert.Equal(HttpStatusCode.Accepted, first.Status);
                return await test.SendAsync(Signed("issue_comment", payload, "replayed"));
            },
            Status = HttpStatusCode.Accepted,
            Writes = ["POST /issues/comments/{n}/reactions", "POST /issues/comments/{n}/reactions", "POST /issues/{n}/comments", "PATCH /issues/{n}", "POST /issues/{n}/assignees"],
            Check = test =>
            {
                Assert.Single(((HostileWebhookTests)test).Incident.Comments, c => c.Author == FakeGitHubServer.BotLogin);
                return Task.CompletedTask;
            },
        },
        Sent("unknown event", () => Signed("star", "{\"action\":\"created\"}"u8.ToArray()), HttpStatusCode.OK, "'star' events are not used"),
        Sent("event name of a path", () => Signed("../../etc/passwd", "{}"u8.ToArray()), HttpStatusCode.OK, "are not used"),
        Sent("no event header", () => Signed("", Fixtures.Bytes("github/issues.labeled.json")), HttpStatusCode.BadRequest, "X-GitHub-Event"),
        Sent("no delivery header", () => Signed("issues", Fixtures.Bytes("github/issues.labeled.json"), deliveryId: ""), HttpStatusCode.BadRequest, "X-GitHub-Delivery"),
        Sent("event of another action", () => Signed("issue_comment", Fixtures.Bytes("github/issues.labeled.json")), HttpStatusCode.OK, "the 'labeled' action of 'issue_comment' events is not used"),
        Unreadable("event of another shape", "issue_comment", Edit("issues.labeled", root => root["action"] = "created"), "'comment' is missing"),
        Commented("read-only user", "rita", "/resolve", ReplyAndReactions, test =>
        {
            Assert.Equal("open", test.Incident.State);
            Assert.Contains("needs the **triage** role", test.Incident.Comments.Last().Body, StringComparison.Ordinal);
        }),
        Commented("bot", "dependabot[bot]", "/resolve", [], bot: true),
        Commented("the app itself", FakeGitHubServer.BotLogin, "/resolve", [], bot: true),
        Commented("command in a code block", "alice", "Tried this:\n```\n/resolve\n```", []),
        Commented("command in a tilde code block", "alice", "~~~sh\n/close\n~~~", []),
        Commented("command in an indented code block", "alice", "Steps:\n\n    /resolve\n", []),
        Commented("command in a quote", "alice", "> /resolve\nquoting rita", []),
        Commented("command in inline code", "alice", "type `/resolve` when done", []),
        Commented("command mid-line", "alice", "please /resolve this", []),
        Commented("hostile reason", "alice", "/resolve ``x` @octocat fixed #123 <img src=x onerror=alert(1)> {{ 6 + 1 }}", null, test =>
        {
            Assert.Equal("closed", test.Incident.State);
            HostileMarkdown.AssertInert(test.Incident.Body);
            HostileMarkdown.AssertInert(test.Incident.Comments.Last().Body);
            Assert.Contains("{{ 6 + 1 }}", test.Incident.Body, StringComparison.Ordinal);
        }),
        new()
        {
            Name = "command on an issue that is no incident",
            Send = test =>
            {
                var tests = (HostileWebhookTests)test;
                var issue = tests.Repo.AddIssue("Printer on fire", "Not from the app.", ["incident"]);
                var comment = tests.Repo.AddComment(issue.Number, "alice", "/resolve");
                return test.SendAsync(Signed("issue_comment", Webhooks.Comment(tests.Repo, issue, comment)));
            },
            Status = HttpStatusCode.Accepted,
            Check = test =>
            {
                Assert.All(((HostileWebhookTests)test).Repo.Issues, issue => Assert.Equal("open", issue.State));
                return Task.CompletedTask;
            },
        },
        Commented("a thousand commands", "alice", string.Concat(Enumerable.Repeat("/ack\n", 1_000)), null, test =>
        {
            Assert.Single(test.Incident.Comments, c => c.Author == FakeGitHubServer.BotLogin);
            Assert.True(test.GitHub.Requests.Count < 100, $"{test.GitHub.Requests.Count} requests for one comment");
        }),
    ];

    public static TheoryData<string> Cases => [.. All.Select(c => c.Name)];

    /// <summary>The incident the set-up opened: the repository's first issue.</summary>
    public FakeIssue Incident => Repo.Issues.MinBy(issue => issue.Number)!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Repo.SetRole("alice", "triage");
        Repo.SetRole("rita", "read");
        await App.DeliverAsync(Fixtures.Alertmanager("firing-critical"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Refuses_or_ignores_hostile_deliveries(string name) => RunAsync(All.Single(c => c.Name == name));

    private static HttpRequestMessage Signed(string eventName, byte[] body, string deliveryId = "hostile-1", string? contentType = "application/json") =>
        WebhookRequest(eventName, body, Webhooks.Sign(body), deliveryId, contentType);

    private static HostileCase Sent(string name, Func<HttpRequestMessage> request, HttpStatusCode status, string? says = null) => new()
    {
        Name = name,
        Send = test => test.SendAsync(request()),
        Status = status,
        Says = says,
    };

    private static HostileCase Unreadable(string name, string eventName, string json, string says) =>
        Sent(name, () => Signed(eventName, Encoding.UTF8.GetBytes(json)), HttpStatusCode.BadRequest, says);

    private static HostileCase Unsigned(string name, Func<byte[], string?> signature, string says) =>
        Sent(name, () =>
        {
            var body = Fixtures.Bytes("github/issues.labeled.json");
            return WebhookRequest("issues", body, signature(body), "hostile-1");
        }, HttpStatusCode.Unauthorized, says);

    /// <summary>A comment on the incident issue; <paramref name="writes"/> null when the check says enough.</summary>
    private static HostileCase Commented(string name, string author, string body, string[]? writes, Action<HostileWebhookTests>? check = null, bool bot = false) => new()
    {
        Name = name,
        Send = test => test.SendAsync(Signed("issue_comment", Command(test, author, body, bot))),
        Status = HttpStatusCode.Accepted,
        Writes = writes,
        Check = test =>
        {
            check?.Invoke((HostileWebhookTests)test);
            return Task.CompletedTask;
        },
    };

    /// <summary>The comment, written on the incident issue of the fake GitHub, as GitHub's delivery of it.</summary>
    private static byte[] Command(HostileTestBase test, string author, string body, bool bot = false)
    {
        var tests = (HostileWebhookTests)test;
        var comment = tests.Repo.AddComment(tests.Incident.Number, author, body);
        return Webhooks.Comment(tests.Repo, tests.Incident, comment, bot);
    }

    private static string Edit(string fixture, Action<JsonNode> edit)
    {
        var root = JsonNode.Parse(Fixtures.Text($"github/{fixture}.json"))!;
        edit(root);
        return root.ToJsonString();
    }
}
