namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads <c>postmortem: { required_for: [critical], remind_every: 24h }</c>.</summary>
internal static class PostmortemSection
{
    public const string Key = "postmortem";

    private static readonly string[] Keys = ["required_for", "remind_every"];

    public static PostmortemConfig Read(ConfigReader reader, ConfigSection file, SeverityConfig severity)
    {
        var defaults = new PostmortemConfig();
        if (reader.Section(file, Key, Keys) is not { } section)
        {
            return defaults;
        }

        var required = new List<string>();
        foreach (var name in reader.StringList(section, "required_for", ConfigChecks.NotEmpty) ?? [])
        {
            if (severity.Find(name) is { } level)
            {
                required.Add(level.Name);
            }
            else
            {
                reader.Error(section.Entries["required_for"], $"'{section.NameOf("required_for")}' names \"{name}\", which is no severity level; use {string.Join(", ", severity.Levels.Select(l => l.Name))}");
            }
        }

        var remind = reader.Duration(section, "remind_every");
        if (remind is { } every && (every < PostmortemConfig.ShortestReminder || every > PostmortemConfig.LongestReminder))
        {
            reader.Error(section.Entries["remind_every"], $"'{section.NameOf("remind_every")}' must be from {DurationText.Format(PostmortemConfig.ShortestReminder)} to {DurationText.Format(PostmortemConfig.LongestReminder)}, not {DurationText.Format(every)}");
            remind = null;
        }

        return new PostmortemConfig { RequiredFor = [.. required.Distinct()], RemindEvery = remind ?? defaults.RemindEvery };
    }
}
