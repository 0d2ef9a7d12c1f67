using System.Net;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>/status/{owner}/{repo}</c> over HTTP against the fake GitHub: only repositories that opt in have a page, a private one's
/// opens with its token only, nothing else tells repositories apart, and pages cost GitHub calls at most once a minute.
/// </summary>
public sealed class StatusPageTests : AppTestBase
{
    private const string Secret = "test-feed-secret-0123456789abcdef0123456789";

    internal const string Config = """
        status_page: true
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2027-03-01T09:00, shift: 1d }
        """;

    private static readonly RepoRef Private = new("operate-first", "private");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 22, 10, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.IsPublic = true;
        Repo.SetFile(".github/incidents.yml", Config);
        SeedIncidents(Repo, _clock.GetUtcNow());
        GitHub.Repo("operate-first", "private").SetFile(".github/incidents.yml", Config);
        var quiet = GitHub.Repo("operate-first", "quiet");
        quiet.IsPublic = true;
        quiet.SetFile(".github/incidents.yml", "labels: [x]\n");
        return StartAsync(Secret);
    }

    private Task<RunningApp> StartAsync(string? secret) => RunningApp.StartAsync(
        GitHub, settings: secret is null ? null : new Dictionary<string, string?> { [FeedToken.Setting] = secret }, time: Clock);

    /// <summary>A critical incident nobody took, a warning carol took, one resolved last week, and an outsider's forged marker.</summary>
    internal static void SeedIncidents(FakeRepo repo, DateTimeOffset now)
    {
        void Add(string title, string severity, DateTimeOffset startedAt, bool open = true, Acknowledgement? ack = null, string author = FakeGitHubServer.BotLogin) =>
            repo.AddIssue(title, IssueBody.Section("body", new IncidentState
            {
                Key = title,
                Status = open ? "firing" : "resolved",
                Firing = [],
                Severity = severity,
                StartedAt = startedAt,
                Acknowledged = ack,
            }), ["incident", $"severity/{severity}"], open, author: author);

        // A long word (a path) that must wrap on a phone rather than push the page sideways.
        Add("Disk almost full: /var/lib/postgresql/16/main/pg_wal/00000001000000000000004200000000000000000000 on db-1", "warning", now.AddHours(-3), ack: new Acknowledgement("carol", now.AddHours(-2)));
        Add("JupyterHub is down", "critical", now.AddMinutes(-45));
        Add("Old outage", "critical", now.AddDays(-6), open: false);
        Add("Forged by an outsider", "critical", now.AddDays(-1), author: "mallory");
    }

    private Task<HttpResponseMessage> GetAsync(string path) => App.Client.GetAsync(new Uri(App.BaseUrl, path.TrimStart('/')));

    private static string PathWithToken(RepoRef repo, string secret = Secret) =>
        $"{StatusEndpoints.PathOf(repo)}?token={FeedToken.OfPath(secret, StatusEndpoints.PathOf(repo))}";

    private IReadOnlyList<RecordedRequest> CallsFor(string repo) => [.. GitHub.Requests.Where(r => r.Path.StartsWith($"/repos/operate-first/{repo}", StringComparison.Ordinal))];

    [Fact]
    public async Task A_public_repository_s_page_shows_its_trusted_incidents_most_severe_first_under_a_strict_policy()
    {
        using var response = await GetAsync("/status/operate-first/incidents");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StatusPageStyle.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(html.IndexOf("JupyterHub is down", StringComparison.Ordinal) < html.IndexOf("Disk almost full", StringComparison.Ordinal));
        Assert.Contains("acknowledged by @carol", html, StringComparison.Ordinal);
        Assert.Contains("On call now: <strong>@bob</strong>", html, StringComparison.Ordinal);
        Assert.Contains("3 incidents opened: 2 critical, 1 warning", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Forged", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/status/operate-first/quiet")]
    [InlineData("/status/operate-first/no-such-repo")]
    [InlineData("/status/not-installed/incidents")]
    [InlineData("/status/operate-first/private")]
    [InlineData("/status/operate-first/private?token=")]
    [InlineData("/status/operate-first/private?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/status/-bad-/name")]
    public async Task Every_page_that_is_not_shown_answers_the_same_404(string path)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_private_repository_s_page_opens_with_its_own_token_only()
    {
        var wrongTokens = new[]
        {
            FeedToken.OfPath(Secret, StatusEndpoints.PathOf(new RepoRef("operate-first", "incidents"))),
            FeedToken.Of(Secret, Private, null),
            FeedToken.OfPath(Secret + "-rotated", StatusEndpoints.PathOf(Private)),
        };
        foreach (var token in wrongTokens)
        {
            using var refused = await GetAsync($"/status/operate-first/private?token={token}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var response = await GetAsync(PathWithToken(Private));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Status of operate-first/private", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, "a private page must stay out of shared caches");
    }

    [Fact]
    public async Task Status_url_prints_the_url_that_opens_a_private_page()
    {
        var (exit, output, _) = await RepoForCommandTests.RunAsync(
            (args, o, e) => StatusUrlCommand.RunAsync(args, o, e, name => name == FeedToken.Setting ? Secret : null),
            "operate-first/private", "--base", App.BaseUrl.AbsoluteUri);

        Assert.Equal(0, exit);
        var url = new Uri(output.Trim());
        Assert.StartsWith($"{App.BaseUrl.AbsoluteUri}status/operate-first/private?token=", url.AbsoluteUri, StringComparison.Ordinal);
        using var response = await GetAsync(url.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_a_feed_secret_no_private_page_is_served_and_public_ones_still_are()
    {
        await App.DisposeAsync();
        App = await StartAsync(secret: null);

        using var @private = await GetAsync(PathWithToken(Private));
        using var @public = await GetAsync("/status/operate-first/incidents");

        Assert.Equal(HttpStatusCode.NotFound, @private.StatusCode);
        Assert.Equal(HttpStatusCode.OK, @public.StatusCode);
    }

    [Fact]
    public async Task When_GitHub_does_not_say_whether_the_repository_is_private_the_page_needs_its_token()
    {
        GitHub.FailWith = request => request.Method == "GET" && request.Path == "/repos/operate-first/incidents" ? 404 : null;

        using var refused = await GetAsync("/status/operate-first/incidents");
        using var opened = await GetAsync(PathWithToken(new RepoRef("operate-first", "incidents")));

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task A_page_is_built_once_a_minute_however_often_it_is_asked_for()
    {
        using (var first = await GetAsync("/status/operate-first/incidents"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        Assert.NotEmpty(CallsFor("incidents"));
        GitHub.ClearRequests();
        await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var again = await GetAsync("/status/operate-first/incidents");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }));
        Assert.Empty(CallsFor("incidents"));

        _clock.Advance(StatusPages.Lifetime + TimeSpan.FromSeconds(1));
        using var later = await GetAsync("/status/operate-first/incidents");
        Assert.Contains(CallsFor("incidents"), request => request.Path == "/repos/operate-first/incidents/issues");
    }

    [Fact]
    public async Task Requests_at_once_share_one_build()
    {
        var arrived = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        GitHub.DisruptWith = request =>
        {
            if (request.Path != "/repos/operate-first/incidents")
            {
                return null;
            }

            arrived.TrySetResult();
            return FakeDisruption.HoldAnswer(release.Task);
        };

        var pages = Enumerable.Range(0, 5).Select(_ => GetAsync("/status/operate-first/incidents")).ToList();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // Time for the other requests to arrive: without a single build each would ask GitHub for itself meanwhile.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        release.SetResult();

        foreach (var response in await Task.WhenAll(pages))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Single(CallsFor("incidents"), request => request.Path == "/repos/operate-first/incidents");
        Assert.Single(CallsFor("incidents"), request => request.Path == "/repos/operate-first/incidents/issues" && request.Query.Contains("state=open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Past_the_bound_on_builds_without_a_token_the_app_answers_503_with_Retry_After()
    {
        for (var i = 0; i < StatusPages.MaxUntrustedBuilds; i++)
        {
            using var unknown = await GetAsync($"/status/operate-first/unknown-{i}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var busy = await GetAsync("/status/operate-first/incidents");
        using var kept = await GetAsync("/status/operate-first/unknown-0");
        using var trusted = await GetAsync(PathWithToken(Private));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), busy.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(1));
        using var again = await GetAsync("/status/operate-first/incidents");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var metrics = await App.Client.GetStringAsync(new Uri(App.BaseUrl, "metrics"));
        Assert.Contains("incident_app_status_page_requests_total{outcome=\"served\"} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"incident_app_status_page_requests_total{{outcome=\"not_found\"}} {StatusPages.MaxUntrustedBuilds + 1}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_status_page_requests_total{outcome=\"busy\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_status_page_requests_total{outcome=\"unavailable\"} 0\n", metrics, StringComparison.Ordinal);
    }
}
