namespace GitHubIncidentApp;

/// <summary>
/// The app's command line: a verb for people who write the config, <c>--help</c>, or (with nothing but
/// <c>--dev</c>) the app itself. Paths are taken relative to the directory the command was typed in.
/// </summary>
public static class AppCommandLine
{
    public const int ExitOk = 0;
    public const int ExitProblems = 1;
    public const int ExitUsage = 2;

    private static readonly string[] HelpFlags = ["--help", "-h"];

    private static readonly Dictionary<string, (Func<string[], TextWriter, TextWriter, Task<int>> Run, string Usage)> Verbs = new(StringComparer.Ordinal)
    {
        ["render"] = (RenderCommand.RunAsync, RenderCommand.Usage),
        ["validate"] = ((args, output, errors) => ValidateCommand.RunAsync(args, output, errors), ValidateCommand.Usage),
        ["oncall"] = ((args, output, errors) => OnCallCommand.RunAsync(args, output, errors), OnCallCommand.Usage),
        ["schedule"] = ((args, output, errors) => ScheduleCommand.RunAsync(args, output, errors), ScheduleCommand.Usage),
        ["report"] = ((args, output, errors) => ReportCommand.RunAsync(args, output, errors), ReportCommand.Usage),
        ["feed-url"] = ((args, output, errors) => FeedUrlCommand.RunAsync(args, output, errors), FeedUrlCommand.Usage),
        ["status-url"] = ((args, output, errors) => StatusUrlCommand.RunAsync(args, output, errors), StatusUrlCommand.Usage),
        ["healthcheck"] = ((args, output, errors) => HealthCheckCommand.RunAsync(args, output, errors), HealthCheckCommand.Usage),
    };

    public static readonly string Usage = "usage: GitHubIncidentApp [--dev]                 run the app (settings: environment, .env, appsettings.json; see README)\n"
        + "       GitHubIncidentApp COMMAND [OPTIONS]       a tool for people who write .github/incidents.yml, or healthcheck (asks a running app for /livez)\n"
        + "  --dev        try the app locally: dry-run without credentials, no tokens needed, listens on 127.0.0.1, readable logs\n"
        + "  -h, --help   this text; 'COMMAND --help' shows a command's options\n"
        + $"commands: {string.Join(", ", Verbs.Keys)}\n"
        + "exit codes: 0 fine (or the app stopped normally), 1 problems found (printed), 2 bad usage, bad settings or the app could not start";

    /// <summary>
    /// Runs the verb (or prints help, or refuses an unknown argument) and returns its exit code;
    /// null when the arguments ask for the app itself to run.
    /// </summary>
    public static async Task<int?> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is [var name, .. var rest] && Verbs.TryGetValue(name, out var verb))
        {
            if (rest.Any(HelpFlags.Contains))
            {
                await output.WriteLineAsync(verb.Usage);
                return ExitOk;
            }

            return await verb.Run(rest, output, errors);
        }

        if (args.Any(HelpFlags.Contains))
        {
            await output.WriteLineAsync(Usage);
            return ExitOk;
        }

        if (args.FirstOrDefault(arg => arg != AppSettings.DevFlag) is { } unknown)
        {
            await errors.WriteLineAsync((unknown.StartsWith('-')
                ? $"error: unknown option '{unknown}': the app takes only --dev and --help; its settings are environment variables (see README)"
                : $"error: unknown command '{unknown}': use one of {string.Join(", ", Verbs.Keys)}, first on the command line") + $"\n{Usage}");
            return ExitUsage;
        }

        return null;
    }
}
