using System.Globalization;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// The text forms of schedules in the config file: time zones, local date-times, times of day, days
/// of the week, logins and teams. Each check returns what is wrong, completing "'name' ...", or null.
/// </summary>
internal static partial class ScheduleText
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private const string DateTimeSyntax = "a local date and time such as 2026-11-02T09:00";

    private const string DaysSyntax = "days such as mon-fri, sat-sun or mon,wed,fri (three-letter names, ranges with '-')";

    public static string? Zone(string value) => TryFindZone(value, out _)
        ? null
        : $"is \"{value}\", which is not a time zone; use an IANA id such as Europe/Berlin, America/New_York or UTC"
            + (NearestName.Find(value, TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id)) is { } nearest ? $" (did you mean {nearest}?)" : "");

    public static bool TryFindZone(string value, out TimeZoneInfo zone)
    {
        // Windows ids would work only on some hosts; the file must mean the same everywhere.
        if (value.Length > 0 && TimeZoneInfo.TryFindSystemTimeZoneById(value, out var found) && (found.HasIanaId || value == "UTC"))
        {
            zone = found;
            return true;
        }

        zone = TimeZoneInfo.Utc;
        return false;
    }

    public static string? LocalDateTime(string value) =>
        TryParseLocalDateTime(value, out _) ? null : $"is \"{value}\", which is not {DateTimeSyntax} (no offset: the zone is the rotation's)";

    /// <summary>Years outside 1970-2999 are typos, and would overflow date arithmetic near year 1 or 9999.</summary>
    public static bool TryParseLocalDateTime(string value, out DateTime local) =>
        DateTime.TryParseExact(value, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out local)
        && local.Year is >= 1970 and < 3000;

    public static string? TimeOfDay(string value) =>
        TryParseTimeOfDay(value, out _) ? null : $"is \"{value}\", which is not a time of day; write hours and minutes such as \"09:00\" or \"24:00\", quoted";

    /// <summary>HH:mm from 00:00 to 24:00.</summary>
    public static bool TryParseTimeOfDay(string value, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        var match = TimeOfDayPattern().Match(value);
        if (!match.Success)
        {
            return false;
        }

        var hours = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0))
        {
            return false;
        }

        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    public static string? Days(string value) => TryParseDays(value, out _) ? null : $"is \"{value}\", which is not {DaysSyntax}";

    /// <summary>Comma-separated days and ranges; a range may wrap past Sunday (fri-mon).</summary>
    public static bool TryParseDays(string value, out IReadOnlySet<DayOfWeek> days)
    {
        var set = new HashSet<DayOfWeek>();
        days = set;
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            var first = Array.IndexOf(DayNames, ends[0].ToLowerInvariant());
            var last = Array.IndexOf(DayNames, ends[^1].ToLowerInvariant());
            if (ends.Length > 2 || first < 0 || last < 0)
            {
                return false;
            }

            for (var day = first; ; day = (day + 1) % 7)
            {
                set.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return true;
    }

    /// <summary>A GitHub login, with or without '@'.</summary>
    public static string? Login(string value) => GitHubLogin.IsValid(value.StartsWith('@') ? value[1..] : value)
        ? null
        : $"is \"{value}\", which is not a GitHub login; write a user such as alice or @alice, or a team as @org/team";

    public static string? Team(string value) => TeamPattern().IsMatch(value)
        ? null
        : $"is \"{value}\", which is not a team; write @org/team";

    public static bool IsTeam(string value) => value.StartsWith('@') && value.Contains('/', StringComparison.Ordinal);

    [GeneratedRegex(@"^([0-9]{2}):([0-9]{2})$")]
    private static partial Regex TimeOfDayPattern();

    [GeneratedRegex(@"^@[A-Za-z0-9][A-Za-z0-9-]{0,38}/[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex TeamPattern();
}
