namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A problem in a configuration file, located so a person can find it.</summary>
public sealed record ConfigError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";

    /// <summary>
    /// This error with its position and the key it is about, and nothing else: for a file of another repository,
    /// whose values (logins, zones, names) are not for this repository's issues and logs.
    /// </summary>
    public ConfigError WithoutValues() => this with
    {
        Message = $"{Subject()}: the details are not shown because the file belongs to another repository; validate it there to see them",
    };

    /// <summary>
    /// What the message is about, where that is sure to hold no value: the key it begins with (<c>'oncall.timezone'</c>,
    /// <c>unknown key 'x'</c>) or its opening words (<c>invalid YAML</c>).
    /// </summary>
    private string Subject()
    {
        const string unknownKey = "unknown key '";
        var quoted = Message.StartsWith('\'') ? 0 : Message.StartsWith(unknownKey, StringComparison.Ordinal) ? unknownKey.Length - 1 : -1;
        var close = quoted < 0 ? -1 : Message.IndexOf('\'', quoted + 1);
        if (close > 0)
        {
            return Message[..(close + 1)];
        }

        var end = Message.IndexOfAny([':', ';']);
        var words = end > 0 ? Message[..end] : "";
        return words.Length > 0 && words.All(c => char.IsAsciiLetter(c) || c == ' ') ? words : "a setting";
    }
}

/// <summary>The config to use (defaults where the file was wrong) and what was wrong.</summary>
public sealed record ConfigParseResult(IncidentConfig Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
