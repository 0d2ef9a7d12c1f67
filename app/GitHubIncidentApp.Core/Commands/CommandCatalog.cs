using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Commands;

/// <summary>
/// The slash commands responders type on an incident issue: turns a <see cref="CommandLine"/> into a typed
/// <see cref="BoundCommand"/> or an error a person can act on, and says who may run what.
/// </summary>
public static class CommandCatalog
{
    /// <summary>Free text ends up in the issue, whose body GitHub caps; a status line or note needs far less.</summary>
    public const int MaxTextLength = 1000;

    private static readonly string[] Phases = ["investigating", "identified", "monitoring"];

    /// <summary>In the order help lists them.</summary>
    public static IReadOnlyList<CommandDefinition> Commands { get; } =
    [
        new("ack", "/ack", "Acknowledge the incident: you are on it.", RepoPermission.Triage, NoArguments(new AckCommand())),
        new("unack", "/unack", "Take the acknowledgement back.", RepoPermission.Triage, NoArguments(new UnackCommand())),
        new("resolve", "/resolve [note]", "Resolve and close the incident, with an optional note.", RepoPermission.Triage, BindResolve, "close"),
        new("reopen", "/reopen", "Reopen a resolved incident.", RepoPermission.Triage, NoArguments(new ReopenCommand())),
        new("severity", "/severity <level>", "Change the severity to a configured level, or sev1 to sev4.", RepoPermission.Triage, BindSeverity),
        new("assign", "/assign [@user ...]", "Assign people; yourself when you name no one.", RepoPermission.Triage,
            (line, context) => LoginList.Read(line.Name, line.Arguments, context.Commenter, logins => new AssignCommand(logins))),
        new("unassign", "/unassign [@user ...]", "Unassign people; yourself when you name no one.", RepoPermission.Triage,
            (line, context) => LoginList.Read(line.Name, line.Arguments, context.Commenter, logins => new UnassignCommand(logins))),
        new("autoclose", "/autoclose on|off", "Whether the incident closes by itself once its alerts resolve.", RepoPermission.Triage, BindAutoClose),
        new("status", "/status <investigating|identified|monitoring> <text>", "Post a status update.", RepoPermission.Triage, BindStatus),
        new("timeline", "/timeline <text>", "Add an entry to the incident's timeline.", RepoPermission.Triage, BindTimeline),
        new("escalate", "/escalate", "Page the next step of the escalation policy now.", RepoPermission.Triage, NoArguments(new EscalateCommand())),
        new("silence", "/silence <duration> [matchers]", "Silence the incident's alerts in Alertmanager for that long (`2h`); matchers such as `pod=~\"web-.*\"` narrow it.", RepoPermission.Triage, SilenceBinding.Bind),
        new("unsilence", "/unsilence", "End the silence set with `/silence`.", RepoPermission.Triage, NoArguments(new UnsilenceCommand())),
        new("split", "/split <alertname | label=value ...>", "On a storm issue: give one of its groups an issue of its own.", RepoPermission.Triage, BindSplit),
        new("oncall", "/oncall [take <duration> [rotation]]", "Who is on call now and the next hand-offs; `take 4h` puts you on call for that long.", RepoPermission.Read, BindOnCall),
        new("postmortem", "/postmortem", "Post the post-mortem template, prefilled with the incident's timeline, and label the issue `post-mortem`.", RepoPermission.Triage, NoArguments(new PostmortemCommand())),
        new("help", "/help", "List the commands and who may run them.", RepoPermission.Read, NoArguments(new HelpCommand())),
    ];

    private static readonly Dictionary<string, CommandDefinition> ByName = Commands
        .SelectMany(command => command.Aliases.Prepend(command.Name).Select(name => (name, command)))
        .ToDictionary(entry => entry.name, entry => entry.command, StringComparer.OrdinalIgnoreCase);

    /// <summary>The command a name or alias means, ignoring case; null for an unknown name.</summary>
    public static CommandDefinition? Find(string name) => ByName.GetValueOrDefault(name);

    public static BindResult Bind(CommandLine line, CommandContext context) =>
        Find(line.Name) is { } command ? command.Bind(line, context) : Unknown(line.Name);

    /// <summary>The role needed to run a command (by name or alias): the repository's override, else the default.</summary>
    public static RepoPermission RequiredPermission(string commandName, IReadOnlyDictionary<string, RepoPermission> overrides)
    {
        var command = Find(commandName) ?? throw new ArgumentException($"'{commandName}' is not a known command", nameof(commandName));
        return overrides.TryGetValue(command.Name, out var permission) ? permission : command.DefaultPermission;
    }

    /// <summary>Markdown listing every command with its usage and summary, marking those the commenter may not run.</summary>
    public static string HelpText(RepoPermission commenterPermission, IReadOnlyDictionary<string, RepoPermission> overrides)
    {
        var lines = new List<string> { "**Incident commands**: write each at the start of its own line in a comment on this issue.", "" };
        foreach (var command in Commands)
        {
            var required = RequiredPermission(command.Name, overrides);
            var aliases = command.Aliases.Count == 0 ? "" : $" (or {string.Join(", ", command.Aliases.Select(alias => $"`/{alias}`"))})";
            lines.Add(commenterPermission >= required
                ? $"- ✅ `{command.Usage}`{aliases}: {command.Summary}"
                : $"- 🔒 `{command.Usage}`{aliases}: {command.Summary} *Needs {Describe(required)}.*");
        }

        lines.Add("");
        lines.Add($"You have {Describe(commenterPermission)}: you may run the commands marked ✅.");
        return string.Join('\n', lines);
    }

    private static string Describe(RepoPermission permission) =>
        permission == RepoPermission.None ? "no access to this repository" : $"{permission.ToString().ToLowerInvariant()} access";

    private static CommandError Unknown(string name) =>
        new(NearestName.Find(name, ByName.Keys) is { } nearest
            ? $"unknown command {InlineCode.Of("/" + name)}; did you mean `/{nearest}`?"
            : $"unknown command {InlineCode.Of("/" + name)}; `/help` lists the commands");

    private static Func<CommandLine, CommandContext, BindResult> NoArguments(BoundCommand command) =>
        (line, _) => line.Arguments.Length == 0
            ? command
            : new CommandError($"`/{line.Name}` takes no arguments; write it alone on its line");

    private static BindResult BindResolve(CommandLine line, CommandContext context) =>
        line.Arguments.Length == 0 ? new ResolveCommand(null) : Text("the note", line.Arguments, text => new ResolveCommand(text));

    private static BindResult BindSeverity(CommandLine line, CommandContext context)
    {
        var levels = context.Severity.Levels;
        var choices = $"one of {string.Join(", ", levels.Select(level => InlineCode.Of(level.Name)))}, or `sev1` to `sev4`";
        if (line.Arguments.Length == 0)
        {
            return new CommandError($"`/{line.Name}` needs a level: {choices}");
        }

        if ((context.Severity.Find(line.Arguments) ?? NumberedLevel(line.Arguments, levels)) is { } found)
        {
            return new SeverityCommand(found.Name);
        }

        var hint = NearestName.Find(line.Arguments, levels.SelectMany(level => level.Aliases.Prepend(level.Name))) is { } nearest
            ? $"did you mean {InlineCode.Of(nearest)}?"
            : $"use {choices}";
        return new CommandError($"unknown severity {InlineCode.Of(line.Arguments)}; {hint}");
    }

    /// <summary>
    /// sev1 to sev4 mean the first to fourth level, or the last when there are fewer, so responders used to that
    /// scale need not learn the repository's names. A level name or alias that is itself "sev2" wins.
    /// </summary>
    private static SeverityLevel? NumberedLevel(string text, IReadOnlyList<SeverityLevel> levels) =>
        text.Length == 4 && text.StartsWith("sev", StringComparison.OrdinalIgnoreCase) && text[3] is >= '1' and <= '4'
            ? levels[Math.Min(text[3] - '0', levels.Count) - 1]
            : null;

    private static BindResult BindAutoClose(CommandLine line, CommandContext context) => line.Arguments.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => new AutoCloseCommand(true),
        "off" or "false" or "no" => new AutoCloseCommand(false),
        "" => new CommandError($"`/{line.Name}` needs `on` or `off`"),
        _ => new CommandError($"`/{line.Name}` takes `on` or `off`, not {InlineCode.Of(line.Arguments)}"),
    };

    private static BindResult BindStatus(CommandLine line, CommandContext context)
    {
        if (line.Arguments.Length == 0)
        {
            return new CommandError($"`/{line.Name}` needs a phase and a text: `/{line.Name} <investigating|identified|monitoring> <text>`, such as `/{line.Name} identified a bad deploy of the API`");
        }

        var space = line.Arguments.AsSpan().IndexOfAny(" \t\u00a0");
        var word = space < 0 ? line.Arguments : line.Arguments[..space];
        var phase = word.ToLowerInvariant();
        if (!Phases.Contains(phase))
        {
            var hint = phase == "resolved"
                ? "to resolve the incident, use `/resolve`"
                : NearestName.Find(phase, Phases) is { } nearest ? $"did you mean `{nearest}`?" : "use investigating, identified or monitoring";
            return new CommandError($"unknown phase {InlineCode.Of(word)}; {hint}");
        }

        var text = space < 0 ? "" : line.Arguments[space..].Trim();
        return text.Length == 0
            ? new CommandError($"`/{line.Name} {phase}` needs a text after the phase, such as `/{line.Name} {phase} rolling back the deploy`")
            : Text("the status", text, valid => new StatusCommand(phase, valid));
    }

    /// <summary>Longest override a command may take; longer cover belongs in the schedule file.</summary>
    public static readonly TimeSpan MaxTake = TimeSpan.FromDays(14);

    private static BindResult BindOnCall(CommandLine line, CommandContext context)
    {
        var words = line.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words switch
        {
            [] => new OnCallCommand(),
            ["take", var duration, .. var rest] when rest.Length <= 1 =>
                DurationText.TryParse(duration, out var take) && take > TimeSpan.Zero && take <= MaxTake
                    ? new OnCallCommand(take, rest.FirstOrDefault())
                    : new CommandError($"{InlineCode.Of(duration)} is not a duration from 1m to {DurationText.Format(MaxTake)}: write it like `4h`, `30m` or `1d12h`"),
            _ => new CommandError("write `/oncall` to see who is on call, or `/oncall take <duration> [rotation]` to take it, such as `/oncall take 4h`"),
        };
    }

    /// <summary>A group has a handful of labels; more than this names none better.</summary>
    private const int MaxSplitLabels = 10;

    private static BindResult BindSplit(CommandLine line, CommandContext context)
    {
        var words = line.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var usage = $"name the group by its alertname or its labels, such as `/{line.Name} HighLatency` or `/{line.Name} alertname=HighLatency instance=web-1`";
        if (words.Length is 0 or > MaxSplitLabels || line.Arguments.Length > MaxTextLength)
        {
            return new CommandError($"`/{line.Name}` needs 1 to {MaxSplitLabels} labels: {usage}");
        }

        if (words is [var alertname] && !alertname.Contains('=', StringComparison.Ordinal))
        {
            return new SplitCommand(new Dictionary<string, string> { ["alertname"] = alertname });
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            var equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !labels.TryAdd(word[..equals], word[(equals + 1)..]))
            {
                return new CommandError($"{InlineCode.Of(word)} is not a `label=value` pair of its own: {usage}");
            }
        }

        return new SplitCommand(labels);
    }

    private static BindResult BindTimeline(CommandLine line, CommandContext context) =>
        line.Arguments.Length == 0
            ? new CommandError($"`/{line.Name}` needs a text, such as `/{line.Name} rolled back to v1.2`")
            : Text("the entry", line.Arguments, text => new TimelineCommand(text));

    private static BindResult Text(string what, string text, Func<string, BoundCommand> bind) =>
        text.Length > MaxTextLength
            ? new CommandError($"{what} is {text.Length} characters long; keep it within {MaxTextLength}")
            : bind(text);
}
