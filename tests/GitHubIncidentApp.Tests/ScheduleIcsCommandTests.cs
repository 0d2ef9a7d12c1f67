using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;
using Ical.Net.CalendarComponents;

namespace GitHubIncidentApp.Tests;

/// <summary><c>schedule --ics</c>: the calendar file, read back with Ical.Net, holds what the resolver says.</summary>
public sealed class ScheduleIcsCommandTests : IDisposable
{
    private readonly RepoForCommandTests _repo = new();

    public void Dispose() => _repo.Dispose();

    private string IcsPath => Path.Combine(_repo.Path, "oncall.ics");

    private Task<(int Exit, string Output, string Errors)> ScheduleAsync(params string[] args) =>
        RepoForCommandTests.RunAsync((a, o, e) => ScheduleCommand.RunAsync(a, o, e), ["--repo-dir", _repo.Path, .. args]);

    private async Task<IReadOnlyList<CalendarEvent>> EventsAsync() =>
        [.. Ical.Net.Calendar.Load(await File.ReadAllTextAsync(IcsPath))!.Events.OrderBy(e => e.DtStart!.AsUtc)];

    private static OnCallConfig OnCall(string yaml) => IncidentConfigParser.Parse(yaml).Config.OnCall!;

    private static DateTimeOffset Utc(Ical.Net.DataTypes.CalDateTime time) => new(time.AsUtc, TimeSpan.Zero);

    [Fact]
    public async Task Writes_one_event_per_stretch_with_the_resolver_s_people()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, output, errors) = await ScheduleAsync("--from", "2026-12-23", "--days", "2", "--ics", IcsPath);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.EndsWith($"\nWrote the calendar (5 shifts) to {IcsPath}.\n", output, StringComparison.Ordinal);
        var events = await EventsAsync();
        var config = OnCall(SchedulesForCommandTests.Berlin);
        Assert.Equal(5, events.Count);
        foreach (var e in events)
        {
            var rotation = config.Rotations.Keys.Single(name => e.Summary!.Contains($"({name}", StringComparison.Ordinal));
            var people = OnCallResolver.RotationAt(config, rotation, Utc(e.DtStart!)).People;
            Assert.StartsWith($"On call: {string.Join(", ", people)} ({rotation}", e.Summary, StringComparison.Ordinal);
            Assert.Equal(people, OnCallResolver.RotationAt(config, rotation, Utc(e.DtEnd!).AddTicks(-1)).People);
        }

        Assert.Contains(events, e => e.Summary == "On call: dave (primary, override)"
            && Utc(e.DtStart!) == DateTimeOffset.Parse("2026-12-24T00:00+01:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_person_s_calendar_has_their_shifts_only()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, output, _) = await ScheduleAsync("--from", "2026-12-21", "--days", "7", "--ics", IcsPath, "--person", "hank");

        Assert.Equal(0, exit);
        Assert.Contains("Wrote the calendar (2 shifts)", output, StringComparison.Ordinal);
        Assert.All(await EventsAsync(), e => Assert.Equal("On call: gina, hank (nights)", e.Summary));
    }

    [Fact]
    public async Task Daily_hand_offs_stay_at_local_nine_across_the_end_of_summer_time()
    {
        _repo.WithConfig(SchedulesForCommandTests.DaylightSaving);

        await ScheduleAsync("--from", "2026-10-24T09:00", "--days", "3", "--ics", IcsPath);

        Assert.Equal(
            ["2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z", "2026-10-26T08:00:00Z"],
            (await EventsAsync()).Select(e => e.DtStart!.AsUtc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_person_without_a_calendar_file_is_refused()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await ScheduleAsync("--person", "dave");

        Assert.Equal(2, exit);
        Assert.Contains("--person picks whose shifts go into the --ics file", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_calendar_that_cannot_be_written_is_explained()
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await ScheduleAsync("--ics", Path.Combine(_repo.Path, "no-such-dir", "oncall.ics"));

        Assert.Equal(2, exit);
        Assert.Contains("cannot write the calendar to", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--repo operate-first/incidents", "--repo names whose schedule the --ics file is: give --ics FILE too")]
    [InlineData("--ics x.ics --repo incidents", "--repo 'incidents' is not owner/name")]
    [InlineData("--ics x.ics --repo bad-/incidents", "error: --repo 'bad-' is not a GitHub owner name")]
    public async Task A_repo_without_a_calendar_file_or_not_owner_slash_name_is_refused(string args, string expected)
    {
        _repo.WithConfig(SchedulesForCommandTests.Berlin);

        var (exit, _, errors) = await ScheduleAsync(args.Replace("x.ics", IcsPath, StringComparison.Ordinal).Split(' '));

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.False(File.Exists(IcsPath));
    }
}
