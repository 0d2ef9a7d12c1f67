namespace GitHubIncidentApp.Core.Configuration;

/// <summary>The config to use (defaults where the file was wrong) and what was wrong.</summary>
public sealed record ConfigParseResult(IncidentConfig Config, IReadOnlyList<ConfigProblem> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
