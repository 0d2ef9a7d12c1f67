using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Repository names that break GitHub's rules, in the URL, the <c>repo</c> label or a webhook payload: a 400
/// naming the rule, nothing stored or sent. Dot segments and encoded slashes in the URL are refused as sent,
/// before the server's path normalisation could turn <c>/api/alertmanager/own/..</c> into the DEFAULT_REPO.
/// </summary>
public sealed class HostileRepositoryNameTests : HostileTestBase
{
    private const string OwnerRule = "is not a GitHub owner name: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters";
    private const string NameRule = "is not a GitHub repository name: letters, digits, '.', '-' and '_', at most 100 characters, not '.' or '..'";
    private const string DotSegment = "has a '.' or '..' segment: post to /api/alertmanager/{owner}/{repo}";
    private static readonly string LongOwner = new('a', 40);

    private static readonly HostileCase[] All =
    [
        Url("owner with an encoded newline", "own%0A/incidents", @"'own\n' " + OwnerRule),
        Url("owner with an encoded bell", "own%07/incidents", @"'own\u0007' " + OwnerRule),
        Url("owner with a double hyphen", "ow--n/incidents", "'ow--n' " + OwnerRule),
        Url("owner with a leading hyphen", "-own/incidents", "'-own' " + OwnerRule),
        Url("owner with a trailing hyphen", "own-/incidents", "'own-' " + OwnerRule),
        Url("owner of 40 characters", $"{LongOwner}/incidents", $"'{LongOwner}' " + OwnerRule),
        Url("repository with an encoded newline", "operate-first/incidents%0A", @"'incidents\n' " + NameRule),
        Url("dot-dot after the owner", "own/..", DotSegment),
        Url("encoded dot-dot after the owner", "own/%2e%2e", DotSegment),
        Url("encoded dot-dot in capitals", "own/%2E%2E", DotSegment),
        Url("dot-dot twice", "own/x/../..", DotSegment),
        Url("dot as the repository", "own/.", DotSegment),
        Url("dot-dot after the repository", "own/x/..", DotSegment),
        Url("owner alone", "own", "'/api/alertmanager/own' names no repository: post to /api/alertmanager/{owner}/{repo}"),
        Url("three segments", "own/x/y", "'/api/alertmanager/own/x/y' names no repository"),
        Url("encoded dot and dot-dot", "own/x/%2E/%2e./..", DotSegment),
        Url("encoded slash", "..%2F..%2Fetc/passwd", "has an encoded '/' or '\\' (%2F, %5C)"),
        Label("label owner with a trailing newline", "own\n/x", @"'own\n' " + OwnerRule),
        Label("label owner with a right-to-left override", "own\u202E/x", @"'own\u202E' " + OwnerRule),
        Label("label owner with a double hyphen", "operate--first/incidents", "'operate--first' " + OwnerRule),
        Label("label owner of 40 characters", $"{LongOwner}/x", $"'{LongOwner}' " + OwnerRule),
        Label("label repository dot", "operate-first/.", "'.' " + NameRule),
        Label("label repository dot-dot", "operate-first/..", "'..' " + NameRule),
        Label("label with a trailing newline", "operate-first/incidents\n", @"'incidents\n' " + NameRule),
        Webhook("webhook owner with a trailing newline", "own\n/incidents", @"'own\n' " + OwnerRule),
        Webhook("webhook repository dot-dot", "operate-first/..", "'..' " + NameRule),
    ];

    public static TheoryData<string> Cases => [.. All.Select(c => c.Name)];

    // A DEFAULT_REPO shows that a path the server would normalise does not fall back to it.
    protected override Task<RunningApp> StartAppAsync() =>
        RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["DEFAULT_REPO"] = "operate-first/incidents" }, services: Log.AddTo);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Refuses_names_against_GitHubs_rules(string name) => RunAsync(All.Single(c => c.Name == name));

    /// <summary>Posts to <c>/api/alertmanager/</c><paramref name="rest"/> exactly as written, dot segments and escapes included.</summary>
    private static HostileCase Url(string name, string rest, string says) => new()
    {
        Name = name,
        Send = test =>
        {
            var request = AlertmanagerRequest(Fixtures.Alertmanager("firing-critical"));
            request.RequestUri = new Uri(
                $"{((HostileRepositoryNameTests)test).App.BaseUrl}api/alertmanager/{rest}",
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            return test.SendAsync(request);
        },
        Status = HttpStatusCode.BadRequest,
        Says = says,
    };

    private static HostileCase Label(string name, string repo, string says) => new()
    {
        Name = name,
        Send = test => test.SendAsync(AlertmanagerRequest(
            Payloads.WithCommonLabel(Fixtures.Alertmanager("firing-critical"), "repo", repo), path: "api/alertmanager")),
        Status = HttpStatusCode.BadRequest,
        Says = says,
    };

    private static HostileCase Webhook(string name, string fullName, string says) => new()
    {
        Name = name,
        Send = test =>
        {
            var payload = JsonNode.Parse(Fixtures.Text("github/issues.labeled.json"))!;
            payload["repository"]!["full_name"] = fullName;
            var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
            return test.SendAsync(WebhookRequest("issues", body, Webhooks.Sign(body), $"bad-name-{Guid.NewGuid():N}"));
        },
        Status = HttpStatusCode.BadRequest,
        Says = says,
    };
}
