using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// A problem in a config file or a template, located so a person can find it: carried as it is from the parser
/// to the issue, the log, <c>validate</c> and the Action's annotations, each rendering it from these fields.
/// </summary>
/// <param name="Path">The file's path in its repository.</param>
/// <param name="Line">Counted from 1; null when the problem is about the file as a whole.</param>
/// <param name="Column">Counted from 1; null with <paramref name="Line"/>.</param>
public sealed record ConfigProblem(string Path, int? Line, int? Column, string Message)
{
    /// <summary>The repository of a file read as an <c>_extends</c> base; null for the configured repository's own files.</summary>
    public RepoRef? Repo { get; init; }

    public ConfigSeverity Severity { get; init; } = ConfigSeverity.Error;

    /// <summary>The file as people read it: its path, or <c>owner/repo:path</c> for a base.</summary>
    public string File => Repo is null ? Path : $"{Repo}:{Path}";

    /// <summary>Whether the file is in <paramref name="repository"/>, so a checkout of it holds the file at <see cref="Path"/>.</summary>
    public bool IsIn(RepoRef repository) => Repo is null || Repo.Equals(repository);

    /// <summary>The one human rendering, <c>path:line:col: message</c> (<c>path: message</c> without a line), for issues, logs and <c>validate</c>.</summary>
    public override string ToString() => Line is { } line ? $"{File}:{line}:{Column}: {Message}" : $"{File}: {Message}";

    /// <summary>
    /// This problem with its position and the key it is about, and nothing else: for a file of another repository,
    /// whose values (logins, zones, names) are not for this repository's issues and logs.
    /// </summary>
    public ConfigProblem WithoutValues() => this with
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

/// <summary>
/// An error: something written is wrong, and a default stands in for it. A warning: something written was not
/// checked or applied here (a base <c>validate</c> does not fetch), though it may be right.
/// </summary>
public enum ConfigSeverity
{
    Error,
    Warning,
}
