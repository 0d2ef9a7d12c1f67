using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Templates;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Reads <c>.github/incidents.yml</c> and reports every problem in it with its line and column.
/// A file with any problem yields <see cref="IncidentConfig.Default"/>: half-applied settings would
/// surprise people more than defaults plus a list of what to fix.
/// </summary>
public static class IncidentConfigParser
{
    /// <summary>A config file is a few hundred bytes; refusing huge ones bounds the work per webhook.</summary>
    public const int MaxLength = 256 * 1024;

    /// <summary>
    /// Each label template runs on every delivery, and all of a delivery's templates share one time and memory
    /// budget (<see cref="TemplateLimits.DeliveryTimeLimit"/>): more would mostly be left out.
    /// </summary>
    public const int MaxLabelTemplates = 20;

    /// <summary>This file nests five levels; later features may nest a few more.</summary>
    private const int MaxDepth = 32;

    private static readonly string[] FileKeys = ["incident_label", "labels", "severity", "resolve", "templates", "incident_key", "commands", "run_edited_comments", RoutesSection.Key, FlappingSection.Key, .. OnCallSection.FileKeys, SilenceSection.Key, MaintenanceSection.Key, StormSection.Key, NativeFieldsSection.IssueTypeKey, NativeFieldsSection.PinKey, PostmortemSection.Key, ReportSection.Key, NativeFieldsSection.SeverityFieldKey, StatusPageSection.Key];

    /// <summary>Read by <see cref="ConfigExtends"/>, which merges the files it names in before this parser reads the settings.</summary>
    private static readonly string[] MergedKeys = [ConfigExtends.Key];

    private static readonly string[] ResolveKeys = ["close", "label", "reopen_window", FlappingSection.DelayKey];
    private static readonly string[] TemplateKeys = ["title", "body", "comment", "postmortem"];
    private static readonly string[] IncidentKeyKeys = ["labels"];
    private static readonly string[] CommandKeys = ["permission"];

    /// <summary>Used for a level without a color, as GitHub does for new labels.</summary>

    public static ConfigParseResult Parse(string yaml, string path = IncidentConfig.FilePath)
    {
        var (root, errors) = LoadFile(yaml, path);
        return Read(root, errors, path);
    }

    /// <summary>One file's root node (null for none or invalid YAML) and its syntax errors, before any setting is read.</summary>
    internal static (YamlNode? Root, IReadOnlyList<ConfigProblem> Errors) LoadFile(string yaml, string path)
    {
        if (yaml.Length > MaxLength)
        {
            return (null, [new ConfigProblem(path, null, null, $"the file has {yaml.Length} characters; the limit is {MaxLength}, far above what any setting needs")]);
        }

        var reader = new ConfigReader(path);
        return (Load(yaml, reader), reader.Errors);
    }

    /// <summary>
    /// Reads the settings of a root whose nodes may come from several files (see <see cref="ConfigExtends"/>),
    /// adding errors found while loading them; errors of the file at <paramref name="path"/> come first.
    /// </summary>
    internal static ConfigParseResult Read(YamlNode? root, IReadOnlyList<ConfigProblem> loadErrors, string path, NodeOrigins? origins = null)
    {
        var reader = new ConfigReader(path, origins);
        var config = root is null ? IncidentConfig.Default : ReadFile(reader, root);
        IReadOnlyList<ConfigProblem> errors = [.. loadErrors, .. reader.Errors];
        return errors.Count == 0
            ? new ConfigParseResult(config, [])
            : new ConfigParseResult(IncidentConfig.Default,
                [.. errors.OrderBy(e => e.Path != path).ThenBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)]);
    }

    /// <summary>The root node, or null for a file without settings (empty, only comments) or with invalid YAML.</summary>
    private static YamlNode? Load(string yaml, ConfigReader reader)
    {
        var stream = new YamlStream();
        var parser = new GuardedParser(new Parser(new StringReader(yaml)), MaxDepth);
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            reader.Error(ex.Start, $"invalid YAML: {BareMessage(ex)}");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these, without a position, on some malformed input such as an unclosed '[' before the next key.
            reader.Error(parser.LastGood, "invalid YAML after this point; check for an unclosed bracket, brace or quote");
            return null;
        }

        // A stray trailing '---' is harmless; settings after one would be silently ignored.
        if (stream.Documents.Skip(1).FirstOrDefault(document => !ConfigSection.IsNull(document.RootNode)) is { } second)
        {
            reader.Error(second.RootNode, "a second YAML document starts here; put all settings in one document and remove the '---' line");
        }

        return stream.Documents.Count > 0 && !ConfigSection.IsNull(stream.Documents[0].RootNode) ? stream.Documents[0].RootNode : null;
    }

    /// <summary>YamlDotNet prefixes its messages with the marks, which the error already carries.</summary>
    private static string BareMessage(YamlException ex)
    {
        var prefix = $"{ex.Start} - {ex.End}: ";
        return ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message[prefix.Length..] : ex.Message;
    }

    private static IncidentConfig ReadFile(ConfigReader reader, YamlNode root)
    {
        var defaults = IncidentConfig.Default;
        if (reader.Section(root, "", FileKeys, MergedKeys) is not { } file)
        {
            return defaults;
        }

        var severity = SeveritySection.Read(reader, file);
        var routes = RoutesSection.Read(reader, file);
        var onCall = OnCallSection.Read(reader, file, severity);
        if (onCall is not null)
        {
            routes.CheckNames(reader, [.. onCall.Rotations.Keys], [.. onCall.Policies.Keys]);
        }

        return new IncidentConfig
        {
            IncidentLabel = reader.String(file, "incident_label", ConfigChecks.LabelName) ?? defaults.IncidentLabel,
            Labels = ReadLabels(reader, file) ?? defaults.Labels,
            Severity = severity,
            Resolve = ReadResolve(reader, file),
            Flapping = FlappingSection.Read(reader, file),
            Templates = ReadTemplates(reader, file),
            IncidentKeyLabels = reader.Section(file, "incident_key", IncidentKeyKeys) is { } key
                ? reader.StringList(key, "labels", ConfigChecks.AlertLabelName) ?? defaults.IncidentKeyLabels
                : defaults.IncidentKeyLabels,
            CommandPermissions = ReadCommandPermissions(reader, file),
            RunEditedComments = reader.Bool(file, "run_edited_comments") ?? defaults.RunEditedComments,
            Routes = routes.Routes,
            OnCall = onCall,
            Storm = StormSection.Read(reader, file, severity),
            Silence = SilenceSection.Read(reader, file),
            Maintenance = MaintenanceSection.Read(reader, file, onCall?.TimeZone ?? TimeZoneInfo.Utc),
            IssueType = NativeFieldsSection.ReadIssueType(reader, file),
            Pin = reader.Bool(file, NativeFieldsSection.PinKey) ?? defaults.Pin,
            Postmortem = PostmortemSection.Read(reader, file, severity),
            Report = ReportSection.Read(reader, file),
            SeverityField = NativeFieldsSection.ReadSeverityField(reader, file, severity),
            StatusPage = StatusPageSection.Read(reader, file),
        };
    }

    private static IReadOnlyList<string>? ReadLabels(ConfigReader reader, ConfigSection file)
    {
        var labels = reader.StringList(file, "labels", ConfigChecks.LabelOrTemplate);
        var templates = labels?.Count(TemplateSyntax.IsLabelTemplate) ?? 0;
        if (templates <= MaxLabelTemplates)
        {
            return labels;
        }

        reader.Error(file.Entries["labels"], $"'labels' has {templates} label templates; at most {MaxLabelTemplates} are allowed because each runs on every delivery: keep the ones people filter by, and give fixed labels through 'routes' instead");
        return null;
    }

    private static IReadOnlyDictionary<string, RepoPermission> ReadCommandPermissions(ConfigReader reader, ConfigSection file)
    {
        if (reader.Section(file, "commands", CommandNames.All) is not { } section)
        {
            return IncidentConfig.Default.CommandPermissions;
        }

        var permissions = new Dictionary<string, RepoPermission>();
        foreach (var name in section.Entries.Keys)
        {
            if (reader.Section(section, name, CommandKeys) is { } command
                && reader.String(command, "permission", ConfigChecks.Permission) is { } text
                && ConfigChecks.TryParsePermission(text, out var permission))
            {
                permissions[name] = permission;
            }
        }

        return permissions;
    }

    private static ResolveConfig ReadResolve(ConfigReader reader, ConfigSection file)
    {
        var defaults = IncidentConfig.Default.Resolve;
        return reader.Section(file, "resolve", ResolveKeys) is { } section
            ? new ResolveConfig
            {
                Close = reader.Bool(section, "close") ?? defaults.Close,
                Label = reader.String(section, "label", ConfigChecks.LabelName) ?? defaults.Label,
                ReopenWindow = reader.Duration(section, "reopen_window") ?? defaults.ReopenWindow,
                Delay = FlappingSection.ReadDelay(reader, section) ?? defaults.Delay,
            }
            : defaults;
    }

    private static TemplatePaths ReadTemplates(ConfigReader reader, ConfigSection file) =>
        reader.Section(file, "templates", TemplateKeys) is { } section
            ? new TemplatePaths
            {
                Title = TemplatePath(reader, section, "title"),
                Body = TemplatePath(reader, section, "body"),
                Comment = TemplatePath(reader, section, "comment"),
                Postmortem = TemplatePath(reader, section, "postmortem"),
            }
            : IncidentConfig.Default.Templates;

    /// <summary>The path as the contents API is asked for it: decoded, once checked.</summary>
    private static string? TemplatePath(ConfigReader reader, ConfigSection section, string key) =>
        reader.String(section, key, ConfigChecks.RepositoryPath) is { } value && RepoFilePath.Normalize(value, out var path) is null ? path : null;
}
