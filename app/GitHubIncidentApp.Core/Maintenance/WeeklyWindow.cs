using System.Globalization;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>
/// A window on the listed days from <see cref="From"/> to <see cref="To"/>, wall-clock times of <see cref="TimeZone"/>,
/// so it keeps its local hours across daylight-saving changes. A <see cref="To"/> not after <see cref="From"/> ends
/// the next day (<c>sun 22:00–02:00</c> runs into Monday).
/// </summary>
public sealed record WeeklyWindow : MaintenanceWindow
{
    /// <summary>The days an occurrence starts on.</summary>
    public required IReadOnlySet<DayOfWeek> Days { get; init; }

    /// <summary>The days as written (<c>mon-fri</c>), for people.</summary>
    public required string DaysText { get; init; }

    /// <summary>Time of day, 00:00 for whole days.</summary>
    public required TimeSpan From { get; init; }

    /// <summary>Time of day up to 24:00.</summary>
    public required TimeSpan To { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    public override string Schedule => $"{DaysText} {Clock(From)}–{Clock(To)} {TimeZone.Id}";

    public override IEnumerable<MaintenanceOccurrence> Occurrences(DateTimeOffset from, DateTimeOffset to)
    {
        // An occurrence lasts at most a day and a DST hour, so one started the local day before may still be under way.
        var first = ZoneTime.ToLocal(from, TimeZone).Date.AddDays(-1);
        var last = ZoneTime.ToLocal(to, TimeZone).Date;
        var length = To > From ? To - From : To + TimeSpan.FromDays(1) - From;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!Days.Contains(day.DayOfWeek))
            {
                continue;
            }

            var start = ZoneTime.ToInstant(day + From, TimeZone);
            var end = ZoneTime.ToInstant(day + From + length, TimeZone);
            if (start < to && end > from && end > start)
            {
                yield return new MaintenanceOccurrence(this, start, end);
            }
        }
    }

    private protected override string Canonical() =>
        string.Create(CultureInfo.InvariantCulture, $"weekly|{string.Join(",", Days.Order().Select(d => (int)d))}|{Clock(From)}|{Clock(To)}|{TimeZone.Id}");
}
