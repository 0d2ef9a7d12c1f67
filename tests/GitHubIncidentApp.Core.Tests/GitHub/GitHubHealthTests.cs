using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>After GitHub fails as a whole, one call at a time probes it at capped intervals; its first answer lets every call through.</summary>
public sealed class GitHubHealthTests
{
    private const string Owner = "acme";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly GitHubHealth _health;

    public GitHubHealthTests() => _health = new GitHubHealth(_time);

    [Fact]
    public void After_a_failure_calls_wait_for_the_probe_and_failed_probes_wait_longer_up_to_ten_seconds()
    {
        FailOnce(probe: false);
        var waits = new List<double>();
        for (var probe = 0; probe < 5; probe++)
        {
            var turnedAway = Assert.Throws<GitHubUnavailableException>(() => _health.Admit(Owner, "GET /x"));
            waits.Add((turnedAway.RetryAt - _time.GetUtcNow()).TotalSeconds);
            _time.Advance(turnedAway.RetryAt - _time.GetUtcNow());
            FailOnce(probe: true);
        }

        Assert.Equal([5, 10, 10, 10, 10], waits);
        Assert.False(_health.IsHealthy);
    }

    [Fact]
    public void While_the_probe_is_under_way_other_calls_come_back_shortly_and_its_answer_lets_every_call_through()
    {
        FailOnce(probe: false);
        _time.Advance(GitHubHealth.FirstProbeInterval);

        using (var probe = _health.Admit(Owner, "GET /probe"))
        {
            var turnedAway = Assert.Throws<GitHubUnavailableException>(() => _health.Admit(Owner, "GET /other"));
            Assert.Equal(_time.GetUtcNow() + GitHubHealth.FirstProbeInterval, turnedAway.RetryAt);
            probe.Answered();
        }

        Assert.True(_health.IsHealthy);
        using var first = _health.Admit(Owner, "GET /a");
        using var second = _health.Admit(Owner, "GET /b");
    }

    [Fact]
    public void Calls_under_way_when_GitHub_went_down_do_not_lengthen_the_wait_and_other_installations_are_not_held()
    {
        var underWay = new[] { _health.Admit(Owner, "GET /a"), _health.Admit(Owner, "GET /b"), _health.Admit(Owner, "GET /c") };
        foreach (var call in underWay)
        {
            call.Failed();
            call.Dispose();
        }

        var turnedAway = Assert.Throws<GitHubUnavailableException>(() => _health.Admit(Owner, "GET /d"));
        Assert.Equal(_time.GetUtcNow() + GitHubHealth.FirstProbeInterval, turnedAway.RetryAt);
        using var elsewhere = _health.Admit("other-org", "GET /e");
    }

    [Fact]
    public void A_probe_that_got_no_answer_frees_the_turn_for_the_next_call()
    {
        FailOnce(probe: false);
        _time.Advance(GitHubHealth.FirstProbeInterval);

        // Held back by a rate limit, or cancelled, before it reached GitHub: nothing is known, the next call probes.
        _health.Admit(Owner, "GET /held").Dispose();

        using var next = _health.Admit(Owner, "GET /next");
    }

    private void FailOnce(bool probe)
    {
        using var call = _health.Admit(Owner, probe ? "GET /probe" : "GET /first");
        call.Failed();
    }
}
