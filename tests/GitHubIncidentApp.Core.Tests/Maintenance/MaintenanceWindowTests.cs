using GitHubIncidentApp.Core.Maintenance;
using static GitHubIncidentApp.Core.Tests.Maintenance.Windows;

namespace GitHubIncidentApp.Core.Tests.Maintenance;

/// <summary>Occurrences of windows in a span of time: local hours across daylight-saving changes, past midnight and the week's end.</summary>
public class MaintenanceWindowTests
{
    private static List<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(MaintenanceWindow window, string from, string to) =>
        [.. window.Occurrences(At(from), At(to)).Select(o => (o.Start, o.End))];

    [Fact]
    public void A_weekly_window_recurs_on_its_days_in_its_zone()
    {
        var window = One("{ matchers: ['job=\"db\"'], days: 'sat,tue', from: \"02:00\", to: \"04:00\" }", "Europe/Berlin");

        var occurrences = Occurrences(window, "2026-12-01T00:00Z", "2026-12-15T00:00Z");

        Assert.Equal(
        [
            (At("2026-12-05T02:00+01:00"), At("2026-12-05T04:00+01:00")),
            (At("2026-12-08T02:00+01:00"), At("2026-12-08T04:00+01:00")),
            (At("2026-12-12T02:00+01:00"), At("2026-12-12T04:00+01:00")),
        ], occurrences.Skip(1));
        Assert.Equal((At("2026-12-01T02:00+01:00"), At("2026-12-01T04:00+01:00")), occurrences[0]);
    }

    [Fact]
    public void A_window_keeps_its_local_hours_across_a_daylight_saving_change()
    {
        var window = One("{ matchers: ['job=\"db\"'], days: sat, from: \"09:00\", to: \"10:00\" }", "Europe/Berlin");

        Assert.Equal(
        [
            (At("2027-03-20T09:00+01:00"), At("2027-03-20T10:00+01:00")),
            (At("2027-03-27T09:00+01:00"), At("2027-03-27T10:00+01:00")),
            (At("2027-04-03T09:00+02:00"), At("2027-04-03T10:00+02:00")),
        ], Occurrences(window, "2027-03-19T00:00Z", "2027-04-04T00:00Z"));
    }

    /// <summary>02:00-04:00 on the night the clocks jump: the hour that does not exist is not silenced, the one after it is.</summary>
    [Fact]
    public void A_window_in_the_spring_forward_gap_starts_when_the_gap_ends()
    {
        var window = One("{ matchers: ['job=\"db\"'], days: sun, from: \"02:00\", to: \"04:00\" }", "Europe/Berlin");

        var (start, end) = Assert.Single(Occurrences(window, "2027-03-27T12:00Z", "2027-03-29T00:00Z"));

        Assert.Equal(At("2027-03-28T03:00+02:00"), start);
        Assert.Equal(At("2027-03-28T04:00+02:00"), end);
    }

    /// <summary>02:00-04:00 on the night the clocks fall back: from the first 02:00 to 04:00, three hours.</summary>
    [Fact]
    public void A_window_across_the_fall_back_hour_lasts_that_hour_longer()
    {
        var window = One("{ matchers: ['job=\"db\"'], days: sun, from: \"02:00\", to: \"04:00\" }", "Europe/Berlin");

        var (start, end) = Assert.Single(Occurrences(window, "2026-10-24T12:00Z", "2026-10-26T00:00Z"));

        Assert.Equal(At("2026-10-25T02:00+02:00"), start);
        Assert.Equal(At("2026-10-25T04:00+01:00"), end);
        Assert.Equal(TimeSpan.FromHours(3), end - start);
    }

    [Fact]
    public void A_whole_day_lasts_the_local_day_23_hours_when_the_clocks_jump()
    {
        var window = One("{ matchers: ['job=\"db\"'], days: sun }", "Europe/Berlin");

        var (start, end) = Assert.Single(Occurrences(window, "2027-03-27T12:00Z", "2027-03-29T12:00Z"));

        Assert.Equal((At("2027-03-28T00:00+01:00"), At("2027-03-29T00:00+02:00")), (start, end));
        Assert.Equal(TimeSpan.FromHours(23), end - start);
    }

    /// <summary>Sunday 22:00 to 02:00 runs into Monday, past the end of .NET's week (Saturday) and of the ISO week (Sunday) alike.</summary>
    [Theory]
    [InlineData("sun", "2026-12-06T22:00Z", "2026-12-07T02:00Z")]
    [InlineData("sat", "2026-12-05T22:00Z", "2026-12-06T02:00Z")]
    public void A_night_window_runs_past_midnight_and_the_weeks_end(string day, string start, string end)
    {
        var window = One($"{{ matchers: ['job=\"db\"'], days: {day}, from: \"22:00\", to: \"02:00\" }}");

        // Asked from inside it, after midnight: the occurrence began the local day before.
        var occurrence = window.OccurrenceAt(At(end).AddHours(-1));

        Assert.NotNull(occurrence);
        Assert.Equal((At(start), At(end)), (occurrence.Start, occurrence.End));
        Assert.Null(window.OccurrenceAt(At(end)));
        Assert.Null(window.OccurrenceAt(At(start).AddTicks(-1)));
    }

    [Fact]
    public void A_one_off_window_occurs_once_where_it_overlaps()
    {
        var window = One("{ matchers: ['namespace=\"db\"'], from: 2026-12-24T22:00Z, to: 2026-12-25T02:00Z }");

        Assert.Equal([(At("2026-12-24T22:00Z"), At("2026-12-25T02:00Z"))], Occurrences(window, "2026-12-25T01:00Z", "2026-12-26T00:00Z"));
        Assert.Empty(Occurrences(window, "2026-12-25T02:00Z", "2026-12-26T00:00Z"));
        Assert.Empty(Occurrences(window, "2026-12-20T00:00Z", "2026-12-24T22:00Z"));
        Assert.Equal("{namespace=\"db\"} 2026-12-24 22:00–2026-12-25 02:00 UTC", window.ToString());
    }

    [Fact]
    public void A_windows_id_is_what_it_is_not_where_it_is_written()
    {
        var windows = Parse("""
              - { matchers: ['job="db"', 'env="prod"'], days: sat, from: "02:00", to: "04:00" }
              - { matchers: ['env="prod"', 'job="db"'], days: sat, from: "02:00", to: "04:00" }
              - { matchers: ['job="db"', 'env="prod"'], days: sat, from: "02:00", to: "05:00" }
              - { matchers: ['job="db"', 'env="prod"'], days: sun, from: "02:00", to: "04:00" }
              - { matchers: ['job="db"'], days: sat, from: "02:00", to: "04:00" }
            """);
        var berlin = One("{ matchers: ['job=\"db\"', 'env=\"prod\"'], days: sat, from: \"02:00\", to: \"04:00\" }", "Europe/Berlin");

        Assert.Matches("^[0-9a-f]{12}$", windows[0].Id);
        Assert.Equal(windows[0].Id, windows[1].Id);
        Assert.Equal(5, new[] { windows[0], windows[2], windows[3], windows[4], berlin }.Select(w => w.Id).Distinct().Count());
    }

    [Fact]
    public void A_group_is_in_maintenance_while_a_window_with_matching_matchers_is_under_way()
    {
        var windows = Parse("""
              - { matchers: ['namespace="db"'], days: sat, from: "02:00", to: "04:00" }
              - { matchers: ['namespace="db"', 'severity!="critical"'], from: 2026-12-05T01:00Z, to: 2026-12-05T06:00Z }
              - { matchers: ['namespace="web"'], days: sat }
            """);
        var db = new Dictionary<string, string> { ["namespace"] = "db", ["severity"] = "warning" };
        var critical = new Dictionary<string, string> { ["namespace"] = "db", ["severity"] = "critical" };

        Assert.Equal(At("2026-12-05T06:00Z"), ActiveMaintenance.For(windows, db, At("2026-12-05T03:00Z"))?.End);
        Assert.Equal(At("2026-12-05T04:00Z"), ActiveMaintenance.For(windows, critical, At("2026-12-05T03:00Z"))?.End);
        Assert.Null(ActiveMaintenance.For(windows, critical, At("2026-12-05T05:00Z")));
        Assert.Null(ActiveMaintenance.For(windows, new Dictionary<string, string> { ["namespace"] = "api" }, At("2026-12-05T03:00Z")));
        Assert.Null(ActiveMaintenance.For([], db, At("2026-12-05T03:00Z")));
    }
}
