using System.Globalization;
using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.OnCall;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Reads <c>maintenance:</c>, the windows whose alerts are silenced ahead of time: one-off (<c>from</c> and <c>to</c>
/// dates) or weekly (<c>days</c>, with <c>from</c> and <c>to</c> times of day in the file's <c>timezone</c>).
/// </summary>
internal static class MaintenanceSection
{
    public const string Key = "maintenance";

    /// <summary>
    /// The file is written by the repository's people, and each window costs silences in an Alertmanager other teams
    /// share (a weekly window up to eight in the week planned ahead), so a repository has at most this many.
    /// </summary>
    public const int MaxWindows = 10;

    /// <summary>A one-off window beyond this is a typo in a date more likely than a plan; longer work is several windows.</summary>
    public static readonly TimeSpan MaxOneOffLength = TimeSpan.FromDays(7);

    private static readonly string[] WindowKeys = ["matchers", "days", "from", "to"];

    private const string DateSyntax = "a date and time such as 2026-12-24T22:00Z, with Z or an offset such as +01:00, or without one for the file's timezone";

    /// <summary>The windows in file order; none gives the default's list, so a file without windows still equals the defaults.</summary>
    public static IReadOnlyList<MaintenanceWindow> Read(ConfigReader reader, ConfigSection file, TimeZoneInfo zone)
    {
        var items = reader.List(file, Key, "a list of windows such as {matchers: ['namespace=\"db\"'], days: sat, from: \"02:00\", to: \"04:00\"}") ?? [];
        if (items.Count > MaxWindows)
        {
            reader.Error(file.Entries[Key], $"'{Key}' has {items.Count} windows; at most {MaxWindows} are allowed because each is silenced in an Alertmanager other teams share: merge windows with the same times into one with several days or broader matchers");
            return IncidentConfig.Default.Maintenance;
        }

        var windows = new List<MaintenanceWindow>();
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{Key}[{index}]";
            if (reader.Section(items[index], name, WindowKeys) is { } section && ReadWindow(reader, items[index], section, zone) is { } window)
            {
                windows.Add(window);
            }
        }

        return windows.Count == 0 ? IncidentConfig.Default.Maintenance : windows;
    }

    private static MaintenanceWindow? ReadWindow(ConfigReader reader, YamlNode node, ConfigSection section, TimeZoneInfo zone)
    {
        var matchers = ReadMatchers(reader, node, section);
        return section.TryGet("days", out _) ? ReadWeekly(reader, node, section, zone, matchers) : ReadOneOff(reader, node, section, zone, matchers);
    }

    /// <summary>Matchers that select some alerts: none, or only ones an absent label satisfies, would silence every alert.</summary>
    private static MatcherSet? ReadMatchers(ConfigReader reader, YamlNode node, ConfigSection section)
    {
        var matchers = RoutesSection.ReadMatchers(reader, section);
        if (matchers is { IsEmpty: true })
        {
            reader.Error(section.Entries.GetValueOrDefault("matchers") ?? node, $"'{section.Name}' has no matchers, so it would silence every alert in Alertmanager; give the alerts it is for, such as matchers: ['namespace=\"db\"']");
            return null;
        }

        var nothing = new Dictionary<string, string>();
        if (matchers is not null && matchers.Matchers.All(matcher => matcher.Matches(nothing)))
        {
            reader.Error(section.Entries["matchers"], $"'{section.NameOf("matchers")}' only has matchers that hold for alerts without the label too ({matchers}), so it would silence nearly every alert, and Alertmanager refuses such silences; add one that names a value, such as namespace=\"db\"");
            return null;
        }

        return matchers;
    }

    private static WeeklyWindow? ReadWeekly(ConfigReader reader, YamlNode node, ConfigSection section, TimeZoneInfo zone, MatcherSet? matchers)
    {
        var daysText = reader.String(section, "days", ScheduleText.Days);
        var days = daysText is not null && ScheduleText.TryParseDays(daysText, out var set) ? set : null;
        var from = ReadTimeOfDay(reader, section, "from");
        var to = ReadTimeOfDay(reader, section, "to");
        if (section.TryGet("from", out _) != section.TryGet("to", out _))
        {
            reader.Error(node, $"'{section.Name}' has only one of from and to; give both, such as from: \"02:00\", to: \"04:00\", or neither for whole days");
            return null;
        }

        if (from is not null && from == to)
        {
            reader.Error(section.Entries["to"], $"'{section.Name}' starts and ends at {from.Value.ToString(@"hh\:mm", CultureInfo.InvariantCulture)}; a window that ends before it starts runs past midnight (from: \"22:00\", to: \"02:00\"), and for whole days leave out from and to");
            return null;
        }

        return matchers is null || days is null || (from is null) != (to is null)
            ? null
            : new WeeklyWindow { Matchers = matchers, Days = days, DaysText = daysText!, From = from ?? TimeSpan.Zero, To = to ?? TimeSpan.FromDays(1), TimeZone = zone };
    }

    private static OneOffWindow? ReadOneOff(ConfigReader reader, YamlNode node, ConfigSection section, TimeZoneInfo zone, MatcherSet? matchers)
    {
        var from = OnCallSection.Required(reader, node, section, "from", "when it begins, such as from: 2026-12-24T22:00Z, or days: for a weekly window") is { } fromNode
            ? ReadInstant(reader, fromNode, section.NameOf("from"), zone)
            : null;
        var to = OnCallSection.Required(reader, node, section, "to", "when it ends, such as to: 2026-12-25T02:00Z") is { } toNode
            ? ReadInstant(reader, toNode, section.NameOf("to"), zone)
            : null;
        if (from is null || to is null)
        {
            return null;
        }

        if (to <= from)
        {
            reader.Error(section.Entries["to"], $"'{section.NameOf("to")}' is not after '{section.NameOf("from")}'; a window must end after it begins");
            return null;
        }

        if (to - from > MaxOneOffLength)
        {
            reader.Error(section.Entries["to"], $"'{section.Name}' lasts {DurationText.Format(to.Value - from.Value)}; a window lasts at most {DurationText.Format(MaxOneOffLength)}, so check the dates, or split longer work into several windows");
            return null;
        }

        return matchers is null ? null : new OneOffWindow { Matchers = matchers, From = from.Value, To = to.Value };
    }

    private static TimeSpan? ReadTimeOfDay(ConfigReader reader, ConfigSection section, string key) =>
        reader.String(section, key, ScheduleText.TimeOfDay) is { } text && ScheduleText.TryParseTimeOfDay(text, out var time) ? time : null;

    /// <summary>A date-time with Z or an offset, or a local one of the file's zone.</summary>
    private static DateTimeOffset? ReadInstant(ConfigReader reader, YamlNode node, string name, TimeZoneInfo zone)
    {
        if (reader.String(node, name, value => TryParseInstant(value, zone, out _) ? null : Problem(value)) is not { } text)
        {
            return null;
        }

        TryParseInstant(text, zone, out var instant);
        return instant;

        static string Problem(string value) => ScheduleText.TryParseTimeOfDay(value, out _)
            ? $"is \"{value}\", a time of day; give days: (such as days: sat) for a weekly window, or {DateSyntax}"
            : $"is \"{value}\", which is not {DateSyntax}";
    }

    private static bool TryParseInstant(string value, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        if (DateTimeOffset.TryParseExact(value, ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
            && value.Length > 16 && value[16..].Any(c => c is 'Z' or '+' or '-'))
        {
            return instant.Year is >= 1970 and < 3000;
        }

        if (ScheduleText.TryParseLocalDateTime(value, out var local))
        {
            instant = ZoneTime.ToInstant(local, zone);
            return true;
        }

        return false;
    }
}
