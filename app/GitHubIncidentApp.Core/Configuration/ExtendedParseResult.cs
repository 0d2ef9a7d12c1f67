namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// A config file merged with the files it extends. <see cref="BaseProblems"/> are bases that were not applied
/// (missing, unreadable: errors; not fetched: warnings): the files that were read still apply, unlike with <c>Parsed.Errors</c>.
/// </summary>
public sealed record ExtendedParseResult(ConfigParseResult Parsed, IReadOnlyList<ConfigProblem> BaseProblems);
