namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// A config file merged with the files it extends. <see cref="Warnings"/> are bases that could not be
/// applied (missing, unreadable): the files that were read still apply, unlike with <c>Parsed.Errors</c>.
/// </summary>
public sealed record ExtendedParseResult(ConfigParseResult Parsed, IReadOnlyList<ConfigError> Warnings);
