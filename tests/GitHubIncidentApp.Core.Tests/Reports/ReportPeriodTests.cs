using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Reports;

namespace GitHubIncidentApp.Core.Tests.Reports;

public sealed class ReportPeriodTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeSpan Late = TimeSpan.FromHours(6);

    [Fact]
    public void A_weekly_report_on_monday_at_nine_covers_the_week_before_in_the_zone()
    {
        // Monday 2026-11-30 09:00 in Berlin is 08:00 UTC.
        var (period, dueAt) = ReportPeriod.Due(new ReportConfig(), Berlin, new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), Late)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), dueAt);
        Assert.Equal("2026-11-23 – 2026-11-29", period.Range);
        Assert.Equal("2026-11-23..2026-11-29", period.Key);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero), period.To);
    }

    [Fact]
    public void Before_its_time_the_previous_report_is_the_latest_and_long_past_it_none_is_due()
    {
        var config = new ReportConfig();
        var justBefore = new DateTimeOffset(2026, 11, 30, 7, 59, 0, TimeSpan.Zero);

        Assert.Null(ReportPeriod.Due(config, Berlin, justBefore, Late));
        Assert.Equal("2026-11-23..2026-11-29", ReportPeriod.Due(config, Berlin, justBefore.AddHours(6), Late)!.Value.Period.Key);
        Assert.Null(ReportPeriod.Due(config, Berlin, justBefore.AddHours(6).AddMinutes(2), Late));
    }

    [Fact]
    public void A_week_across_the_change_to_winter_time_is_still_monday_to_sunday_local()
    {
        // Berlin left summer time on Sunday 2026-10-25: that week has 169 hours.
        var (period, _) = ReportPeriod.Due(new ReportConfig(), Berlin, new DateTimeOffset(2026, 10, 26, 8, 30, 0, TimeSpan.Zero), Late)!.Value;

        Assert.Equal("2026-10-19..2026-10-25", period.Key);
        Assert.Equal(TimeSpan.FromHours(169), period.To - period.From);
    }

    [Fact]
    public void Daily_and_monthly_reports_cover_the_day_and_the_month_before()
    {
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("2026-11-30", ReportPeriod.Due(new ReportConfig { Every = ReportEvery.Day }, Berlin, now, Late)!.Value.Period.Range);
        var month = ReportPeriod.Due(new ReportConfig { Every = ReportEvery.Month }, Berlin, now, Late)!.Value.Period;
        Assert.Equal("2026-11-01..2026-11-30", month.Key);
        Assert.Equal(30, month.Days);
    }

    [Fact]
    public void A_weekly_report_on_another_day_and_time_covers_the_seven_days_before_it()
    {
        var config = new ReportConfig { Day = DayOfWeek.Friday, At = TimeSpan.FromHours(17) };

        var (period, dueAt) = ReportPeriod.Due(config, TimeZoneInfo.Utc, new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero), Late)!.Value;

        Assert.Equal("2026-11-20..2026-11-26", period.Key);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 17, 0, 0, TimeSpan.Zero), dueAt);
    }

    [Fact]
    public void Days_are_whole_local_days()
    {
        var period = ReportPeriod.OfDays(new DateOnly(2026, 11, 23), 3, Berlin);

        Assert.Equal(["2026-11-23", "2026-11-24", "2026-11-25"], period.EachDay().Select(d => d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(period.From, period.EachDay().First().Start);
        Assert.Equal(period.To, period.EachDay().Last().End);
    }
}
