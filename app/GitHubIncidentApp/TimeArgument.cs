using System.Globalization;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp;

/// <summary>
/// Instants given on the command line: a local wall-clock time of the schedule's zone, as the file writes
/// them (<c>2026-12-24T10:00</c>, or a date for its midnight), or an exact instant with <c>Z</c> or an offset.
/// </summary>
internal static class TimeArgument
{
    public const string Syntax = "a local time such as 2026-12-24T10:00 or 2026-12-24, or an instant such as 2026-12-24T09:00Z or 2026-12-24T10:00+01:00";

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"];
    private static readonly string[] ExactFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK"];

    public static bool TryParse(string text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        if (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > "yyyy-MM-dd".Length)
        {
            return DateTimeOffset.TryParseExact(text, ExactFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
        }

        var ok = DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local);
        instant = ok ? ZoneTime.ToInstant(local, zone) : default;
        return ok;
    }
}
