using System.Globalization;
using System.Net;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Testing.FakeGitHub;
using Ical.Net.CalendarComponents;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>/oncall/{owner}/{repo}.ics</c>: the feed, parsed back with Ical.Net, says what the resolver says over eight weeks that
/// include Berlin's spring-forward (Sunday 2027-03-28), overrides people took included; only its own token opens it.
/// </summary>
public sealed class OnCallFeedTests : AppTestBase
{
    private const string Secret = "test-feed-secret-0123456789abcdef0123456789";

    private const string Schedule = """
        timezone: Europe/Berlin
        oncall:
          rotations:
            daily: { members: [alice, bob, carol], start: 2027-03-01T09:00, shift: 1d }
          overrides:
            - { rotation: daily, user: dave, from: 2027-03-27T20:00, to: 2027-03-28T12:00 }
        """;

    private static readonly RepoRef Incidents = new("operate-first", "incidents");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 22, 10, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Clock => _clock;

    private FakeRepo Other => GitHub.Repo("operate-first", "other");

    /// <summary>What gina took with <c>/oncall take</c>, in the app's ledger issue.</summary>
    private static readonly OnCallOverride Taken = new("daily", "gina", new DateTime(2027, 4, 2, 9, 0, 0), new DateTime(2027, 4, 2, 21, 0, 0));

    protected override Task<RunningApp> StartAppAsync()
    {
        Repo.SetFile(".github/incidents.yml", Schedule);
        Repo.AddIssue(OverrideLedger.Title, OverrideLedger.Render([Taken]), [OverrideLedger.Label], author: FakeGitHubServer.BotLogin);
        Other.SetFile(".github/incidents.yml", Schedule);
        return RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { [FeedToken.Setting] = Secret }, time: Clock);
    }

    private Task<HttpResponseMessage> GetAsync(string path) => App.Client.GetAsync(new Uri(App.BaseUrl, path.TrimStart('/')));

    private static string FeedPath(RepoRef repo, string? person = null, string secret = Secret) =>
        $"{FeedToken.PathOf(repo, person)}?token={FeedToken.Of(secret, repo, person)}";

    private async Task<IReadOnlyList<CalendarEvent>> EventsAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return [.. Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!.Events];
    }

    private static DateTimeOffset Utc(Ical.Net.DataTypes.CalDateTime time) => new(time.AsUtc, TimeSpan.Zero);

    [Fact]
    public async Task The_feed_holds_the_resolver_s_hand_offs_with_overrides_across_the_spring_forward_change()
    {
        var events = await EventsAsync(FeedPath(Incidents));

        var onCall = IncidentConfigParser.Parse(Schedule).Config.OnCall! with { Overrides = [.. IncidentConfigParser.Parse(Schedule).Config.OnCall!.Overrides, Taken] };
        var from = DateTimeOffset.Parse("2027-03-22T00:00+01:00", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.Parse("2027-05-17T00:00+02:00", CultureInfo.InvariantCulture);
        for (var at = from; at < to; at = at.AddMinutes(30))
        {
            var covering = Assert.Single(events, e => Utc(e.DtStart!) <= at && at < Utc(e.DtEnd!));
            Assert.StartsWith($"On call: {string.Join(", ", OnCallResolver.RotationAt(onCall, "daily", at).People)} (daily", covering.Summary, StringComparison.Ordinal);
        }

        Assert.Equal(to, events.Max(e => Utc(e.DtEnd!)));
        Assert.Contains(events, e => e.Summary == "On call: dave (daily, override)");
        Assert.Contains(events, e => e.Summary == "On call: gina (daily, override)" && Utc(e.DtStart!) == DateTimeOffset.Parse("2027-04-02T09:00+02:00", CultureInfo.InvariantCulture));
        Assert.Contains(events, e => Utc(e.DtStart!) == DateTimeOffset.Parse("2027-03-29T09:00+02:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_person_s_feed_holds_their_shifts_only()
    {
        var events = await EventsAsync(FeedPath(Incidents, "dave"));

        var dave = Assert.Single(events);
        Assert.Equal(DateTimeOffset.Parse("2027-03-27T20:00+01:00", CultureInfo.InvariantCulture), Utc(dave.DtStart!));
        Assert.Equal(DateTimeOffset.Parse("2027-03-28T12:00+02:00", CultureInfo.InvariantCulture), Utc(dave.DtEnd!));
    }

    [Theory]
    [InlineData("/oncall/operate-first/incidents.ics")]
    [InlineData("/oncall/operate-first/incidents.ics?token=")]
    [InlineData("/oncall/operate-first/incidents.ics?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/oncall/operate-first/no-such-repo.ics?token=x")]
    [InlineData("/oncall/operate-first/incidents/alice.ics?token=x")]
    public async Task A_wrong_or_missing_token_gets_404_without_a_GitHub_call(string path)
    {
        GitHub.ClearRequests();

        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(GitHub.Requests);
    }

    [Fact]
    public async Task Another_feed_s_token_does_not_open_this_one()
    {
        var otherToken = FeedToken.Of(Secret, new RepoRef("operate-first", "other"), null);
        var alicesToken = FeedToken.Of(Secret, Incidents, "alice");
        var anotherSecret = FeedToken.Of(Secret + "-rotated", Incidents, null);
        GitHub.ClearRequests();

        foreach (var token in new[] { otherToken, alicesToken, anotherSecret })
        {
            using var response = await GetAsync($"/oncall/operate-first/incidents.ics?token={token}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Empty(GitHub.Requests);
        Assert.NotEmpty(await EventsAsync(FeedPath(new RepoRef("operate-first", "other"))));
    }

    [Fact]
    public async Task The_feed_is_made_once_a_minute()
    {
        async Task<string> StampAsync() => (await EventsAsync(FeedPath(Incidents)))[0].DtStamp!.AsUtc.ToString("o", CultureInfo.InvariantCulture);

        var first = await StampAsync();
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(first, await StampAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.NotEqual(first, await StampAsync());
    }

    [Fact]
    public async Task Feed_url_prints_the_url_that_opens_a_person_s_feed()
    {
        var (exit, output, _) = await RepoForCommandTests.RunAsync(
            (args, o, e) => FeedUrlCommand.RunAsync(args, o, e, name => name == FeedToken.Setting ? Secret : null),
            "operate-first/incidents", "@dave", "--base", App.BaseUrl.AbsoluteUri);

        Assert.Equal(0, exit);
        var url = new Uri(output.Trim());
        Assert.StartsWith($"{App.BaseUrl.AbsoluteUri}oncall/operate-first/incidents/dave.ics?token=", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Single(await EventsAsync(url.PathAndQuery));
    }

    [Fact]
    public async Task Without_a_feed_secret_there_are_no_feeds()
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, time: Clock);

        using var response = await GetAsync(FeedPath(Incidents));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Feed_requests_are_counted_by_outcome()
    {
        GitHub.Repo("operate-first", "no-schedule");
        await EventsAsync(FeedPath(Incidents));
        await EventsAsync(FeedPath(Incidents, "alice"));
        using (var refused = await GetAsync(FeedPath(Incidents, secret: Secret + "-other")))
        using (var noSchedule = await GetAsync(FeedPath(new RepoRef("operate-first", "no-schedule"))))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, noSchedule.StatusCode);
        }

        var metrics = await App.Client.GetStringAsync(new Uri(App.BaseUrl, "metrics"));

        Assert.Contains("incident_app_feed_requests_total{outcome=\"served\"} 2\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_feed_requests_total{outcome=\"refused\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_feed_requests_total{outcome=\"not_found\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("incident_app_feed_requests_total{outcome=\"unavailable\"} 0\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_ics_with_repo_writes_the_uids_the_feed_serves_for_that_repository()
    {
        using var checkout = new RepoForCommandTests();
        checkout.WithConfig(Schedule);
        var ics = Path.Combine(checkout.Path, "oncall.ics");
        async Task<IReadOnlyList<string>> CommandUidsAsync(params string[] more)
        {
            var (exit, _, errors) = await RepoForCommandTests.RunAsync(
                (args, o, e) => ScheduleCommand.RunAsync(args, o, e, _clock), ["--repo-dir", checkout.Path, "--days", "7", "--ics", ics, .. more]);
            Assert.True(exit == 0, errors);
            return [.. Ical.Net.Calendar.Load(await File.ReadAllTextAsync(ics))!.Events.Select(e => e.Uid!)];
        }

        var feed = (await EventsAsync(FeedPath(Incidents))).Select(e => e.Uid!).ToHashSet(StringComparer.Ordinal);
        var named = await CommandUidsAsync("--repo", "operate-first/incidents");
        var unnamed = await CommandUidsAsync();

        // The week the command covers is the start of the feed's eight: the same shifts, the same UIDs.
        Assert.NotEmpty(named);
        Assert.All(named, uid => Assert.Contains(uid, feed));
        Assert.All(named, uid => Assert.EndsWith("-operate-first/incidents@github-incident-app", uid, StringComparison.Ordinal));
        Assert.DoesNotContain(unnamed, feed.Contains);
    }
}
