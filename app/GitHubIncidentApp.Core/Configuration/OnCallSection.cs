using System.Globalization;
using GitHubIncidentApp.Core.OnCall;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>Reads the on-call keys of the file (<c>timezone</c>, <c>oncall</c>, and through <see cref="EscalationSection"/> the escalation keys).</summary>
internal static class OnCallSection
{
    /// <summary>Top-level keys this section reads.</summary>
    public static readonly string[] FileKeys = ["timezone", "oncall", "escalation", "severity_policy", "ack_timeout"];

    private static readonly string[] OnCallKeys = ["rotations", "overrides", "when_empty"];
    private static readonly string[] RotationKeys = ["members", "start", "shift", "restrict", "level", "timezone", "until"];
    private static readonly string[] RestrictKeys = ["days", "from", "to"];
    private static readonly string[] OverrideKeys = ["rotation", "user", "from", "to"];

    /// <summary>The schedule, or null when the file has none of the on-call keys.</summary>
    public static OnCallConfig? Read(ConfigReader reader, ConfigSection file, SeverityConfig severity)
    {
        if (!FileKeys.Any(key => file.TryGet(key, out _)))
        {
            return null;
        }

        var zone = ReadZone(reader, file, "timezone") ?? TimeZoneInfo.Utc;
        // Without an oncall mapping there are no rotations, yet escalation may still notify teams and people.
        var oncall = reader.Section(file, "oncall", OnCallKeys) ?? new ConfigSection("oncall", new Dictionary<string, YamlNode>());
        var rotations = new Dictionary<string, Rotation>();
        foreach (var (name, _, node) in reader.Named(oncall, "rotations", "a mapping of rotation names to rotations") ?? [])
        {
            if (ReadRotation(reader, node, $"{oncall.NameOf("rotations")}.{name}", name, zone) is { } rotation)
            {
                rotations[name] = rotation;
            }
        }

        var policies = EscalationSection.ReadPolicies(reader, file, rotations);
        return new OnCallConfig
        {
            TimeZone = zone,
            Rotations = rotations,
            Overrides = ReadOverrides(reader, oncall, rotations),
            WhenEmpty = ReadWhenEmpty(reader, oncall),
            Policies = policies,
            SeverityPolicy = EscalationSection.ReadSeverityPolicy(reader, file, policies, severity),
            AckTimeout = reader.Duration(file, "ack_timeout"),
        };
    }

    private static TimeZoneInfo? ReadZone(ConfigReader reader, ConfigSection section, string key) =>
        reader.String(section, key, ScheduleText.Zone) is { } id && ScheduleText.TryFindZone(id, out var zone) ? zone : null;

    private static Rotation? ReadRotation(ConfigReader reader, YamlNode node, string name, string rotationName, TimeZoneInfo fileZone)
    {
        if (reader.Section(node, name, RotationKeys) is not { } section)
        {
            return null;
        }

        var members = ReadMembers(reader, node, section);
        var start = Required(reader, node, section, "start", "the local start of the first shift, such as start: 2026-11-02T09:00") is { } startNode
            ? ReadLocalDateTime(reader, startNode, section.NameOf("start"))
            : null;
        var shift = Required(reader, node, section, "shift", "how long each shift lasts, such as shift: 1w") is not null ? ReadShift(reader, section) : null;
        var until = section.TryGet("until", out var untilNode) ? ReadLocalDateTime(reader, untilNode, section.NameOf("until")) : null;
        if (start is not null && until <= start)
        {
            reader.Error(untilNode!, $"'{section.NameOf("until")}' is not after '{section.NameOf("start")}'; a rotation must end after it starts");
        }

        // Kept even when wrong, so overrides and escalation naming it get no second, misleading error.
        return new Rotation
        {
            Name = rotationName,
            Members = members ?? [],
            Start = start ?? default,
            Shift = shift ?? TimeSpan.Zero,
            TimeZone = ReadZone(reader, section, "timezone") ?? fileZone,
            Restrictions = ReadRestrictions(reader, section),
            Level = ReadInteger(reader, section, "level") ?? 0,
            Until = until,
        };
    }

    /// <summary>The value of a key the mapping at <paramref name="at"/> must have; reported at the key's empty value or the mapping.</summary>
    internal static YamlNode? Required(ConfigReader reader, YamlNode at, ConfigSection section, string key, string example)
    {
        if (section.TryGet(key, out var node))
        {
            return node;
        }

        reader.Error(section.Entries.GetValueOrDefault(key) ?? at, $"'{section.Name}' has no {key}; give {example}");
        return null;
    }

    private static List<IReadOnlyList<string>>? ReadMembers(ConfigReader reader, YamlNode node, ConfigSection section)
    {
        if (Required(reader, node, section, "members", "a list of logins, such as members: [alice, bob]") is null
            || reader.List(section, "members", "a list of logins, each a login or a list of logins on call together") is not { } items)
        {
            return null;
        }

        if (items.Count == 0)
        {
            reader.Error(section.Entries["members"], $"'{section.NameOf("members")}' is empty; list at least one login");
            return null;
        }

        var groups = new List<IReadOnlyList<string>>();
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{section.NameOf("members")}[{index}]";
            IReadOnlyList<YamlNode> people = items[index] is YamlSequenceNode group ? [.. group.Children] : [items[index]];
            if (people.Count == 0)
            {
                reader.Error(items[index], $"'{name}' is an empty group; list who is on call together, or remove it");
            }

            var logins = people.Select((person, at) => reader.String(person, items[index] is YamlSequenceNode ? $"{name}[{at}]" : name, ScheduleText.Login)).ToList();
            if (!logins.Contains(null) && logins.Count > 0)
            {
                groups.Add([.. logins.Select(login => login!.TrimStart('@'))]);
            }
        }

        return groups;
    }

    private static DateTime? ReadLocalDateTime(ConfigReader reader, YamlNode node, string name) =>
        reader.String(node, name, ScheduleText.LocalDateTime) is { } text && ScheduleText.TryParseLocalDateTime(text, out var local) ? local : null;

    private static TimeSpan? ReadShift(ConfigReader reader, ConfigSection section)
    {
        if (reader.Duration(section, "shift") is not { } shift)
        {
            return null;
        }

        // Shorter shifts are a typo (1m for 1w) more likely than a schedule.
        if (shift < TimeSpan.FromHours(1))
        {
            reader.Error(section.Entries["shift"], $"'{section.NameOf("shift")}' is {DurationText.Format(shift)}; a shift lasts at least 1h, such as 12h, 1d or 1w");
            return null;
        }

        return shift;
    }

    internal static int? ReadInteger(ConfigReader reader, ConfigSection section, string key, int min = int.MinValue) =>
        reader.String(section, key, value => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min
            ? null
            : $"is \"{value}\", which is not a whole number{(min > int.MinValue ? $" of at least {min}" : "")}") is { } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : null;

    private static List<RotationRestriction> ReadRestrictions(ConfigReader reader, ConfigSection rotation)
    {
        var restrictions = new List<RotationRestriction>();
        var items = reader.List(rotation, "restrict", "a list of windows such as {days: mon-fri, from: \"09:00\", to: \"18:00\"}") ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{rotation.NameOf("restrict")}[{index}]";
            if (reader.Section(items[index], name, RestrictKeys) is not { } section)
            {
                continue;
            }

            var days = Required(reader, items[index], section, "days", "the days it applies to, such as days: mon-fri") is not null
                && reader.String(section, "days", ScheduleText.Days) is { } text && ScheduleText.TryParseDays(text, out var set) ? set : null;
            var from = ReadTimeOfDay(reader, section, "from");
            var to = ReadTimeOfDay(reader, section, "to");
            if (section.TryGet("from", out _) != section.TryGet("to", out _))
            {
                reader.Error(items[index], $"'{name}' has only one of from and to; give both, or neither for whole days");
            }
            else if (from is not null && from == to)
            {
                reader.Error(section.Entries["to"], $"'{name}' starts and ends at {FormatClock(from.Value)}; for whole days leave out from and to");
            }
            else if (days is not null && (from is null) == (to is null))
            {
                restrictions.Add(new RotationRestriction(days, from ?? TimeSpan.Zero, to ?? TimeSpan.FromDays(1)));
            }
        }

        return restrictions;

        static string FormatClock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";
    }

    private static TimeSpan? ReadTimeOfDay(ConfigReader reader, ConfigSection section, string key) =>
        reader.String(section, key, ScheduleText.TimeOfDay) is { } text && ScheduleText.TryParseTimeOfDay(text, out var time) ? time : null;

    private static List<OnCallOverride> ReadOverrides(ConfigReader reader, ConfigSection oncall, IReadOnlyDictionary<string, Rotation> rotations)
    {
        var overrides = new List<OnCallOverride>();
        var items = reader.List(oncall, "overrides", "a list of overrides such as {rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00}") ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            var name = $"{oncall.NameOf("overrides")}[{index}]";
            if (reader.Section(items[index], name, OverrideKeys) is not { } section)
            {
                continue;
            }

            var rotation = Required(reader, items[index], section, "rotation", "the rotation it takes over, such as rotation: primary") is not null
                ? reader.String(section, "rotation", value => RotationCheck(value, rotations))
                : null;
            var user = Required(reader, items[index], section, "user", "who takes over, such as user: dave") is not null ? reader.String(section, "user", ScheduleText.Login) : null;
            var from = Required(reader, items[index], section, "from", "when it begins, such as from: 2026-12-24T00:00") is { } fromNode ? ReadLocalDateTime(reader, fromNode, section.NameOf("from")) : null;
            var to = Required(reader, items[index], section, "to", "when it ends, such as to: 2026-12-27T00:00") is { } toNode ? ReadLocalDateTime(reader, toNode, section.NameOf("to")) : null;
            if (from is not null && to <= from)
            {
                reader.Error(section.Entries["to"], $"'{section.NameOf("to")}' is not after '{section.NameOf("from")}'; an override must end after it begins");
            }
            else if (rotation is not null && user is not null && from is not null && to is not null)
            {
                overrides.Add(new OnCallOverride(rotation, user.TrimStart('@'), from.Value, to.Value));
            }
        }

        return overrides;
    }

    /// <summary>What is wrong with a rotation name, completing "'name' ...".</summary>
    internal static string? RotationCheck(string value, IReadOnlyDictionary<string, Rotation> rotations) =>
        rotations.ContainsKey(value)
            ? null
            : $"is \"{value}\", which names no rotation; "
                + (NearestName.Find(value, rotations.Keys) is { } nearest ? $"did you mean '{nearest}'?" : rotations.Count == 0 ? "define it under oncall.rotations" : $"use one of {string.Join(", ", rotations.Keys)}");

    private static List<OnCallTarget> ReadWhenEmpty(ConfigReader reader, ConfigSection oncall)
    {
        var targets = new List<OnCallTarget>();
        var items = reader.List(oncall, "when_empty", "a list of teams (@org/team) and people") ?? [];
        for (var index = 0; index < items.Count; index++)
        {
            if (reader.String(items[index], $"{oncall.NameOf("when_empty")}[{index}]", value => ScheduleText.IsTeam(value) ? ScheduleText.Team(value) : ScheduleText.Login(value)) is { } text)
            {
                targets.Add(ScheduleText.IsTeam(text) ? new TeamTarget(text[1..]) : new UserTarget(text.TrimStart('@')));
            }
        }

        return targets;
    }
}
