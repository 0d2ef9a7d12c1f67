using System.Diagnostics;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// When an incident's pin gives way to another's (three pinned), the incident unpinned no longer counts as pinned: its
/// state is cleared under its own lock, which is waited for only briefly.
/// </summary>
public sealed class PinGaveWayTests
{
    private const string Bot = "incident-app[bot]";
    private static readonly RepoRef Repo = new("operate-first", "incidents");

    private readonly InMemoryIncidentIndex _index = new();
    private readonly IGitHubPort _github = Substitute.For<IGitHubPort>();
    private readonly IncidentStore _store;
    private int _pinTries;

    public PinGaveWayTests()
    {
        var time = new FakeTimeProvider(TestIncidents.Now);
        var bot = new FixedBotIdentity(Bot);
        var markers = new TrustedMarkers(_github, bot, NullLogger<TrustedMarkers>.Instance);
        var pins = new IssuePins(_github, bot, new DeliveryMetrics(), NullLogger<IssuePins>.Instance);
        _store = new IncidentStore(_index, new IncidentIndexRebuilder(markers, _index, time), markers, new IncidentExecutor(_github, new LabelCache(_github), pins: pins), time);

        // Three are pinned: the first pin is refused, issue 1 (the app's oldest pin) gives way, the second pin takes.
        _github.GraphQLAsync(Repo, Arg.Any<string>(), Arg.Any<IReadOnlyDictionary<string, object>>(), Arg.Any<CancellationToken>())
            .Returns(call => GraphQLAnswer.Parse(call.ArgAt<string>(1) switch
            {
                var q when q.Contains("{ pinIssue", StringComparison.Ordinal) =>
                    ++_pinTries == 1 ? """{"errors":[{"message":"You can only pin 3 issues to a repository."}]}""" : """{"data":{}}""",
                var q when q.Contains("pinnedIssues", StringComparison.Ordinal) => Pinned(),
                _ => """{"data":{}}""",
            }));
    }

    private static IncidentState Pinned(string key) => TestIncidents.Firing with { Key = key, PinnedAt = TestIncidents.Now.AddHours(-1) };

    private static string Pinned()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(IssueBody.Section("x", Pinned("older")));
        return "{\"data\":{\"repository\":{\"pinnedIssues\":{\"nodes\":[{\"issue\":{\"id\":\"I_1\",\"number\":1,\"body\":" + body
            + ",\"author\":{\"login\":\"incident-app\"}}}]}}}}";
    }

    private async Task IndexAsync(string key, int number)
    {
        await _index.MarkRepoIndexedAsync(Repo, CancellationToken.None);
        await _index.UpsertAsync(new IndexedIncident
        {
            Repo = Repo,
            Key = key,
            IssueNumber = number,
            StateJson = Pinned(key).ToJson(),
            Labels = ["incident"],
            UpdatedAt = TestIncidents.Now,
        }, CancellationToken.None);
    }

    private async Task<IncidentState> StateOfAsync(int number) =>
        IncidentState.FromJson((await _index.FindByIssueAsync(Repo, number, CancellationToken.None))!.StateJson)!;

    private async Task PinNewerAsync()
    {
        await using var held = await _store.LockAsync(Repo, "newer", CancellationToken.None);
        await _store.ApplyAsync(Repo, "newer", new IncidentIssue(2, ["incident"]) { NodeId = "I_2" }, new IncidentDecision([new PinIssue()], Pinned("newer")), CancellationToken.None);
    }

    [Fact]
    public async Task The_incident_whose_pin_gave_way_no_longer_counts_as_pinned()
    {
        await IndexAsync("older", 1);
        await IndexAsync("newer", 2);

        await PinNewerAsync();

        Assert.Null((await StateOfAsync(1)).PinnedAt);
        Assert.NotNull((await StateOfAsync(2)).PinnedAt);
        Assert.Equal(2, _pinTries);
    }

    [Fact]
    public async Task Its_lock_held_elsewhere_is_waited_for_briefly_and_its_state_is_left_as_it_is()
    {
        await IndexAsync("older", 1);
        await IndexAsync("newer", 2);
        await using var older = await _store.LockAsync(Repo, "older", CancellationToken.None);

        var clock = Stopwatch.StartNew();
        await PinNewerAsync();

        Assert.InRange(clock.Elapsed, IncidentStore.PinLockWait * 0.9, IncidentStore.PinLockWait * 5);
        Assert.NotNull((await StateOfAsync(1)).PinnedAt);
        Assert.Equal(2, _pinTries);
    }
}
