using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.OnCall;

public sealed class OnCallSummaryTests
{
    private static OnCallConfig Schedule() => IncidentConfigParser.Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-16T09:00, shift: 1w }
            weekend: { members: [erin], start: 2026-11-07T00:00, shift: 1d, restrict: [{days: sat-sun}], level: 1 }
          overrides:
            - { rotation: primary, user: dave, from: 2026-11-24T12:00, to: 2026-11-25T12:00 }
        """).Config.OnCall!;

    [Fact]
    public void Says_who_is_on_call_why_and_the_next_hand_offs_in_local_time()
    {
        var summary = OnCallSummary.Render(Schedule(), new DateTimeOffset(2026, 11, 24, 13, 0, 0, TimeSpan.Zero));

        Assert.StartsWith("**On call now** (Tue 2026-11-24 14:00 Europe/Berlin): @dave (override in primary)", summary, StringComparison.Ordinal);
        Assert.Contains("| primary | Wed 2026-11-25 12:00 Europe/Berlin → @bob<br>Mon 2026-11-30 09:00 Europe/Berlin → @alice", summary, StringComparison.Ordinal);
        Assert.Contains("| weekend | Sat 2026-11-28 00:00 Europe/Berlin → @erin", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_schedule_says_how_to_add_one()
    {
        Assert.Contains("add `oncall:`", OnCallSummary.Render(null, DateTimeOffset.UnixEpoch), StringComparison.Ordinal);
    }
}
