namespace GitHubIncidentApp;

/// <summary>How the console log is written: <c>LOG_FORMAT=text</c> (a line a person reads) or <c>json</c> (an object per line, for a collector).</summary>
public enum LogFormat
{
    Text,
    Json,
}

/// <summary>Reads <c>LOG_FORMAT</c>.</summary>
public static class LogFormatSetting
{
    /// <summary>The format asked for; unset, text with <c>--dev</c> or at a terminal, JSON when the output goes to a file, a pipe or a collector.</summary>
    public static (LogFormat Format, string? Problem) Read(string? text, bool devMode) => text?.ToLowerInvariant() switch
    {
        null => (devMode || !Console.IsOutputRedirected ? LogFormat.Text : LogFormat.Json, null),
        "text" => (LogFormat.Text, null),
        "json" => (LogFormat.Json, null),
        _ => (LogFormat.Json, $"LOG_FORMAT \"{text}\" is not a log format: use text (one readable line per event) or json (one JSON object per line)"),
    };
}
