using System.Globalization;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>flapping:</c> and the hold-down <c>resolve.delay</c>, each bounded so one repository's config cannot keep issues open for ever.</summary>
internal static class FlappingSection
{
    public const string Key = "flapping";

    /// <summary>The key under <c>resolve:</c>.</summary>
    public const string DelayKey = "delay";

    /// <summary>A hold-down longer than a day is an issue left open by mistake, not a hold-down.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromDays(1);

    private static readonly string[] Keys = ["enabled", "threshold", "window", "label"];

    public static FlappingConfig Read(ConfigReader reader, ConfigSection file)
    {
        var defaults = IncidentConfig.Default.Flapping;
        if (reader.Section(file, Key, Keys) is not { } section)
        {
            return defaults;
        }

        return new FlappingConfig
        {
            Enabled = reader.Bool(section, "enabled") ?? defaults.Enabled,
            Threshold = ReadThreshold(reader, section) ?? defaults.Threshold,
            Window = Bounded(reader, section, "window", FlappingConfig.MaxWindow, allowZero: false) ?? defaults.Window,
            Label = reader.String(section, "label", ConfigChecks.LabelName) ?? defaults.Label,
        };
    }

    public static TimeSpan? ReadDelay(ConfigReader reader, ConfigSection resolve) =>
        Bounded(reader, resolve, DelayKey, MaxDelay, allowZero: true);

    private static int? ReadThreshold(ConfigReader reader, ConfigSection section) =>
        reader.String(section, "threshold", value =>
            int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= FlappingConfig.MaxThreshold
                ? null
                : $"is \"{value}\"; give a whole number from 1 to {FlappingConfig.MaxThreshold} (the flaps allowed within the window), or enabled: false to turn flapping off") is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : null;

    private static TimeSpan? Bounded(ConfigReader reader, ConfigSection section, string key, TimeSpan max, bool allowZero)
    {
        if (reader.Duration(section, key) is not { } duration)
        {
            return null;
        }

        if (duration <= max && (allowZero || duration > TimeSpan.Zero))
        {
            return duration;
        }

        reader.Error(section.Entries[key], $"'{section.NameOf(key)}' is {DurationText.Format(duration)}; give {(allowZero ? "0 (none)" : "more than 0")} up to {DurationText.Format(max)}");
        return null;
    }
}
