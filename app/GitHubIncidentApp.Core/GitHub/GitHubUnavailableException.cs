using System.Globalization;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// A call was not sent because GitHub is down for its installation and one probe at a time finds out when it is
/// back (<see cref="GitHubHealth"/>); its delivery waits until <see cref="RetryAt"/>, the next probe's turn.
/// </summary>
public sealed class GitHubUnavailableException(string request, DateTimeOffset since, DateTimeOffset retryAt) : Exception(
    string.Create(CultureInfo.InvariantCulture, $"{request} was not sent: GitHub has been failing since {since:u}; waiting for a probe to get an answer (next at {retryAt:u})."))
{
    public DateTimeOffset RetryAt { get; } = retryAt;
}
