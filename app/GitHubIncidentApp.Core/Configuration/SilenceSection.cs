namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>silence: { max_duration: 1d }</c>: a shorter longest <c>/silence</c> than the app's own (7 days), never a longer one.</summary>
internal static class SilenceSection
{
    public const string Key = "silence";

    private static readonly string[] Keys = ["max_duration"];

    public static SilenceConfig Read(ConfigReader reader, ConfigSection file)
    {
        var defaults = new SilenceConfig();
        if (reader.Section(file, Key, Keys) is not { } section || reader.Duration(section, "max_duration") is not { } max)
        {
            return defaults;
        }

        if (max < TimeSpan.FromMinutes(1) || max > SilenceConfig.Longest)
        {
            reader.Error(section.Entries["max_duration"], $"'{section.NameOf("max_duration")}' must be from 1m to {DurationText.Format(SilenceConfig.Longest)} (the longest silence the app sets), not {DurationText.Format(max)}; a repository may only shorten it");
            return defaults;
        }

        return new SilenceConfig { MaxDuration = max };
    }
}
