using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Reports;

/// <summary>
/// The whole local days a report covers, in the config's time zone: from <see cref="From"/> (the first day's midnight) up
/// to <see cref="To"/> (the midnight after the last day), so a week across a daylight-saving change is still Monday to Sunday.
/// </summary>
public sealed record ReportPeriod
{
    private ReportPeriod(DateOnly firstDay, DateOnly lastDay, TimeZoneInfo zone)
    {
        FirstDay = firstDay;
        LastDay = lastDay;
        Zone = zone;
        From = ZoneTime.ToInstant(firstDay.ToDateTime(TimeOnly.MinValue), zone);
        To = ZoneTime.ToInstant(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
    }

    public DateOnly FirstDay { get; }
    public DateOnly LastDay { get; }
    public TimeZoneInfo Zone { get; }
    public DateTimeOffset From { get; }
    public DateTimeOffset To { get; }

    public int Days => LastDay.DayNumber - FirstDay.DayNumber + 1;

    /// <summary>How people read it: <c>2026-11-23 – 2026-11-29</c>, or one date for one day.</summary>
    public string Range => FirstDay == LastDay ? Date(FirstDay) : $"{Date(FirstDay)} – {Date(LastDay)}";

    /// <summary>How the report issue's marker names it: <c>2026-11-23..2026-11-29</c>.</summary>
    public string Key => $"{Date(FirstDay)}..{Date(LastDay)}";

    /// <param name="days">At least 1.</param>
    public static ReportPeriod OfDays(DateOnly firstDay, int days, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new ReportPeriod(firstDay, firstDay.AddDays(days - 1), zone);
    }

    /// <summary>Each day of the period with the instants it begins and ends at.</summary>
    public IEnumerable<(DateOnly Day, DateTimeOffset Start, DateTimeOffset End)> EachDay()
    {
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            yield return (day, ZoneTime.ToInstant(day.ToDateTime(TimeOnly.MinValue), Zone), ZoneTime.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone));
        }
    }

    /// <summary>
    /// The latest period whose report time (<see cref="ReportConfig.At"/> on the day after it) has come at <paramref name="now"/>,
    /// with that time; null when that time is more than <paramref name="maxLateness"/> ago (an app that was down does not post
    /// stale reports when it starts again).
    /// </summary>
    public static (ReportPeriod Period, DateTimeOffset DueAt)? Due(ReportConfig config, TimeZoneInfo zone, DateTimeOffset now, TimeSpan maxLateness)
    {
        var today = DateOnly.FromDateTime(ZoneTime.ToLocal(now, zone));
        var reportDay = LatestReportDay(config, today);
        var dueAt = At(reportDay, config, zone);
        if (dueAt > now)
        {
            reportDay = LatestReportDay(config, reportDay.AddDays(-1));
            dueAt = At(reportDay, config, zone);
        }

        var period = config.Every switch
        {
            ReportEvery.Day => new ReportPeriod(reportDay.AddDays(-1), reportDay.AddDays(-1), zone),
            ReportEvery.Month => new ReportPeriod(reportDay.AddMonths(-1), reportDay.AddDays(-1), zone),
            _ => new ReportPeriod(reportDay.AddDays(-7), reportDay.AddDays(-1), zone),
        };
        return now - dueAt > maxLateness ? null : (period, dueAt);
    }

    /// <summary>The latest day on or before <paramref name="day"/> that a report is opened on.</summary>
    private static DateOnly LatestReportDay(ReportConfig config, DateOnly day) => config.Every switch
    {
        ReportEvery.Day => day,
        ReportEvery.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day.AddDays(-(((int)day.DayOfWeek - (int)config.Day + 7) % 7)),
    };

    private static DateTimeOffset At(DateOnly day, ReportConfig config, TimeZoneInfo zone) =>
        ZoneTime.ToInstant(day.ToDateTime(TimeOnly.FromTimeSpan(config.At)), zone);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
