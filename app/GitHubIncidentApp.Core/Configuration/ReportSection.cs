using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>report: { every: week, day: monday, at: "09:00" }</c>, or <c>report: false</c> (or <c>true</c> for the defaults).</summary>
internal static class ReportSection
{
    public const string Key = "report";

    private static readonly string[] Keys = ["every", "day", "at"];

    private const string Expected = "false, true or a mapping such as {every: week, day: monday, at: \"09:00\"}";

    public static ReportConfig Read(ConfigReader reader, ConfigSection file)
    {
        var defaults = new ReportConfig();
        if (!file.TryGet(Key, out var node))
        {
            return defaults;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "false" or "true" } flag)
        {
            return defaults with { Enabled = flag.Value == "true" };
        }

        if (node is not YamlMappingNode)
        {
            reader.Error(node, $"'{Key}' must be {Expected}");
            return defaults;
        }

        if (reader.Section(node, Key, Keys) is not { } section)
        {
            return defaults;
        }

        var every = reader.String(section, "every", value => TryParseEvery(value, out _) ? null : $"is \"{value}\"; use day, week or month") is { } everyText
            && TryParseEvery(everyText, out var parsed) ? parsed : defaults.Every;
        var day = reader.String(section, "day", value => TryParseDay(value, out _) ? null : $"is \"{value}\", which is not a day of the week; write monday, tuesday, ... or mon, tue, ...") is { } dayText
            && TryParseDay(dayText, out var parsedDay) ? parsedDay : defaults.Day;
        if (section.TryGet("day", out var dayNode) && every != ReportEvery.Week)
        {
            reader.Error(dayNode, $"'{section.NameOf("day")}' only applies to a weekly report (every: week); a daily report covers the day before, a monthly one the month before, opened on its 1st");
        }

        var at = reader.String(section, "at", TimeOfDay) is { } atText && ScheduleText.TryParseTimeOfDay(atText, out var time) ? time : defaults.At;
        return new ReportConfig { Every = every, Day = day, At = at };
    }

    private static bool TryParseEvery(string value, out ReportEvery every) =>
        Enum.TryParse(value, ignoreCase: true, out every) && Enum.IsDefined(every) && !value.Any(char.IsDigit);

    // 24:00 is the next day's midnight: write "00:00".
    private static string? TimeOfDay(string value) =>
        ScheduleText.TimeOfDay(value) ?? (value.StartsWith("24", StringComparison.Ordinal) ? $"is \"{value}\"; write \"00:00\" for midnight" : null);

    /// <summary>A day's full English name or its first three letters, in any case.</summary>
    private static bool TryParseDay(string value, out DayOfWeek day)
    {
        var found = Enum.GetValues<DayOfWeek>().Where(d => string.Equals(d.ToString(), value, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.ToString()[..3], value, StringComparison.OrdinalIgnoreCase)).ToList();
        day = found.FirstOrDefault();
        return found.Count == 1;
    }
}
