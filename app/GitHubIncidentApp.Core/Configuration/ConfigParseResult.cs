namespace GitHubIncidentApp.Core.Configuration;

/// <summary>A problem in a configuration file, located so a person can find it.</summary>
public sealed record ConfigError(string Path, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}:{Column}: {Message}" : $"{Path}: {Message}";
}

/// <summary>The config to use (defaults where the file was wrong) and what was wrong.</summary>
public sealed record ConfigParseResult(IncidentConfig Config, IReadOnlyList<ConfigError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
