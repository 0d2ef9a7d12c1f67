using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Tests;

public sealed class ScheduleCommandTests : IDisposable
{
    private readonly RepoForCommandTests _repo = new();

    public void Dispose() => _repo.Dispose();

    private Task<(int Exit, string Output, string Errors)> ScheduleAsync(params string[] args) =>
        RepoForCommandTests.RunAsync((a, o, e) => ScheduleCommand.RunAsync(a, o, e), ["--repo-dir", _repo.Path, .. args]);

    [Fact]
    public async Task Lists_the_hand_offs_of_each_rotation_with_overrides_and_gaps()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, output, errors) = await ScheduleAsync("--from", "2026-12-23", "--days", "2");

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal(
            """
            Hand-offs from Wed 2026-12-23 00:00 +01:00 to Fri 2026-12-25 00:00 +01:00 (2 days).
            Times in Europe/Berlin.

            | Rotation | Level | Start | End | On call | Note |
            |---|---:|---|---|---|---|
            | primary | 0 | Wed 2026-12-23 00:00 +01:00 | Wed 2026-12-23 09:00 +01:00 | — | gap |
            | primary | 0 | Wed 2026-12-23 09:00 +01:00 | Wed 2026-12-23 18:00 +01:00 | bob |  |
            | primary | 0 | Wed 2026-12-23 18:00 +01:00 | Thu 2026-12-24 00:00 +01:00 | — | gap |
            | primary | 0 | Thu 2026-12-24 00:00 +01:00 | Fri 2026-12-25 00:00 +01:00 | dave | override (oncall.overrides[0]) |
            | weekend | 1 | Wed 2026-12-23 00:00 +01:00 | Fri 2026-12-25 00:00 +01:00 | — | gap |
            | nights | 0 | Wed 2026-12-23 00:00 +01:00 | Wed 2026-12-23 09:00 +01:00 | gina, hank |  |
            | nights | 0 | Wed 2026-12-23 09:00 +01:00 | Wed 2026-12-23 18:00 +01:00 | — | gap |
            | nights | 0 | Wed 2026-12-23 18:00 +01:00 | Thu 2026-12-24 09:00 +01:00 | ivan |  |
            | nights | 0 | Thu 2026-12-24 09:00 +01:00 | Thu 2026-12-24 18:00 +01:00 | — | gap |
            | nights | 0 | Thu 2026-12-24 18:00 +01:00 | Fri 2026-12-25 00:00 +01:00 | gina, hank |  |

            """,
            output);
    }

    [Fact]
    public async Task Days_are_local_days_across_a_daylight_saving_change()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);

        var (_, output, _) = await ScheduleAsync("--from", "2026-10-24T09:00", "--days", "3");

        Assert.Contains("Hand-offs from Sat 2026-10-24 09:00 +02:00 to Tue 2026-10-27 09:00 +01:00 (3 days).", output, StringComparison.Ordinal);
        Assert.Contains("| daily | 0 | Sat 2026-10-24 09:00 +02:00 | Sun 2026-10-25 09:00 +01:00 | bob |  |", output, StringComparison.Ordinal);
        Assert.Contains("| daily | 0 | Sun 2026-10-25 09:00 +01:00 | Mon 2026-10-26 09:00 +01:00 | alice |  |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Starts_at_today_local_midnight_by_default()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);
        var now = new FakeTimeProvider(new DateTimeOffset(2026, 10, 26, 23, 30, 0, TimeSpan.Zero));

        var (_, output, _) = await RepoForCommandTests.RunAsync((args, o, e) => ScheduleCommand.RunAsync(args, o, e, now), "--repo-dir", _repo.Path);

        Assert.StartsWith("Hand-offs from Tue 2026-10-27 00:00 +01:00 to Tue 2026-11-10 00:00 +01:00 (14 days).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_an_svg_timeline_with_a_lane_per_rotation()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);
        var svg = Path.Combine(_repo.Path, "schedule.svg");

        var (exit, output, _) = await ScheduleAsync("--from", "2026-12-20", "--days", "10", "--svg", svg);

        Assert.Equal(0, exit);
        Assert.EndsWith($"\nWrote the timeline picture to {svg}.\n", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(svg);
        Assert.Equal("svg", XDocument.Parse(text).Root!.Name.LocalName);
        Assert.Contains(">weekend</text>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_svg_that_cannot_be_written_is_explained()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await ScheduleAsync("--svg", Path.Combine(_repo.Path, "no-such-dir", "s.svg"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot write the picture to", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_file_is_refused_with_its_errors()
    {
        _repo.WithConfig("timezone: Mars/Olympus\noncall: { rotations: { a: { members: [x], start: 2026-01-01T00:00, shift: 1d } } }\n");

        var (exit, output, errors) = await ScheduleAsync();

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.StartsWith(".github/incidents.yml:1:11: ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--days", "0", "--days '0' is not a whole number from 1 to 366")]
    [InlineData("--days", "two", "--days 'two' is not a whole number")]
    [InlineData("--from", "24.12.2026", "--from '24.12.2026' is not a local time")]
    [InlineData("--to", "2026-12-31", "unexpected argument '--to'")]
    public async Task Explains_bad_arguments(string option, string value, string expected)
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await ScheduleAsync(option, value);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }
}
