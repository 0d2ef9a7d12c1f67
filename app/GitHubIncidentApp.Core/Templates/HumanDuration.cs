using System.Globalization;

namespace GitHubIncidentApp.Core.Templates;

/// <summary>Durations the way people say them: "12s", "5m 3s", "1h 12m", "3d 4h".</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration switch
        {
            { TotalDays: >= 1 } => Two(duration.Days, "d", duration.Hours, "h"),
            { TotalHours: >= 1 } => Two(duration.Hours, "h", duration.Minutes, "m"),
            { TotalMinutes: >= 1 } => Two(duration.Minutes, "m", duration.Seconds, "s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{duration.Seconds}s"),
        };
    }

    private static string Two(int major, string majorUnit, int minor, string minorUnit) => minor == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit}")
        : string.Create(CultureInfo.InvariantCulture, $"{major}{majorUnit} {minor}{minorUnit}");
}
