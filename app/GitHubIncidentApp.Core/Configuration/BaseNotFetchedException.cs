namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Thrown by a <see cref="ReadRepoFile"/> that does not fetch the base it is asked for (the command line without a
/// token); <see cref="ConfigExtends"/> reports it as a warning and the file applies alone.
/// </summary>
/// <param name="reason">Completes "'_extends' names owner/repo:path, which is not fetched ...".</param>
public sealed class BaseNotFetchedException(string reason) : Exception(reason);
