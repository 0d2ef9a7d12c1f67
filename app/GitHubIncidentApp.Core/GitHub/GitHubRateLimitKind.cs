namespace GitHubIncidentApp.Core.GitHub;

/// <summary>Which of GitHub's rate limits refused a call.</summary>
public enum GitHubRateLimitKind
{
    /// <summary>The installation's hourly budget is used up (<c>X-RateLimit-Remaining: 0</c>) until <c>X-RateLimit-Reset</c>.</summary>
    Primary,

    /// <summary>Too many requests at once or content created too fast: a 403 about a "secondary rate limit", or a 429.</summary>
    Secondary,
}
