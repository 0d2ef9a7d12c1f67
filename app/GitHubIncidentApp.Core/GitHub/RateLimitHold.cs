using System.Globalization;
using System.Net;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// After GitHub answers with a rate limit, holds back every call of that installation (the repository
/// owner) until the time it named, not only the call it refused: GitHub counts calls per installation,
/// and calling on while limited can get the app blocked for longer. A held call fails at once, without
/// reaching GitHub, with the same kind of failure, so its delivery waits in the inbox.
/// </summary>
public sealed class RateLimitHold(TimeProvider time)
{
    private readonly Dictionary<string, DateTimeOffset> _until = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers the wait that <paramref name="failure"/> asks for, when it is a rate limit.</summary>
    public void Observe(string installation, GitHubApiException failure)
    {
        var now = time.GetUtcNow();
        if (GitHubFailures.RetryAfter(failure, now) is not { } wait)
        {
            return;
        }

        lock (_until)
        {
            if (!_until.TryGetValue(installation, out var until) || until < now + wait)
            {
                _until[installation] = now + wait;
            }
        }
    }

    /// <summary>Throws when <paramref name="installation"/> is held back, so <paramref name="request"/> is not sent.</summary>
    public void ThrowIfHeld(string installation, string request)
    {
        DateTimeOffset until;
        lock (_until)
        {
            if (!_until.TryGetValue(installation, out until) || until <= time.GetUtcNow())
            {
                return;
            }
        }

        throw new GitHubApiException(
            string.Create(CultureInfo.InvariantCulture, $"{request} was not sent: GitHub rate-limited this installation until {until:u}, and calls wait until then."),
            HttpStatusCode.TooManyRequests)
        {
            RateLimit = new GitHubRateLimit { Kind = GitHubRateLimitKind.Primary, ResetsAt = until },
        };
    }
}
