namespace GitHubIncidentApp.Core.OnCall;

/// <summary>Converts between instants and the local wall-clock times schedules are written in.</summary>
public static class ZoneTime
{
    public static DateTime ToLocal(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    /// <summary>The local midnight that begins the day of <paramref name="at"/>, as an instant.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset at, TimeZoneInfo zone) => ToInstant(ToLocal(at, zone).Date, zone);

    /// <summary>Whole local days later, so a range across a daylight-saving change ends at the same local time.</summary>
    public static DateTimeOffset AddDays(DateTimeOffset at, int days, TimeZoneInfo zone) => ToInstant(ToLocal(at, zone).AddDays(days), zone);

    /// <summary>
    /// The instant a local time names. A time skipped by a spring-forward gap means the first instant
    /// after the gap (02:30 becomes 03:00); a time that a fall-back repeats means its first, earlier occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return AfterGap(local, zone);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local - offset, TimeSpan.Zero);
    }

    /// <summary>The instant the gap containing <paramref name="local"/> ends: the first whose local time is not before it.</summary>
    private static DateTimeOffset AfterGap(DateTime local, TimeZoneInfo zone)
    {
        // The offsets on either side of the gap bound the search; a day away is clear of it.
        var before = zone.GetUtcOffset(local.AddDays(-1));
        var after = zone.GetUtcOffset(local.AddDays(1));
        var low = (local - (before > after ? before : after)).Ticks;
        var high = (local - (before > after ? after : before)).Ticks;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (ToLocal(new DateTimeOffset(middle, TimeSpan.Zero), zone) >= local)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return new DateTimeOffset(low, TimeSpan.Zero);
    }
}
