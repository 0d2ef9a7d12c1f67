namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// How many content-creating requests (new issues and comments) one installation may make in any sliding
/// minute and in any sliding hour. GitHub.com's are <see cref="GitHub"/>; GitHub Enterprise Server admins set their own.
/// </summary>
public sealed record ContentLimits
{
    public const int GitHubPerMinute = 80;

    public const int GitHubPerHour = 500;

    public static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>
    /// Added to each window: a slot is when a request leaves, GitHub counts when it arrives, and one request may
    /// take longer on the way than another (measured in bench/: without it the 81st request of a storm arrived 5 ms
    /// inside the first one's minute, and the secondary limit it drew held the installation for a minute).
    /// </summary>
    public static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    /// <summary>GitHub.com's limits for content-generating requests (REST API docs, "secondary rate limits").</summary>
    public static ContentLimits GitHub { get; } = new(GitHubPerMinute, GitHubPerHour);

    public ContentLimits(int perMinute, int perHour)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perMinute, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perHour, 1);
        PerMinute = perMinute;
        PerHour = perHour;
    }

    public int PerMinute { get; }

    public int PerHour { get; }

    /// <summary>
    /// The earliest slot from <paramref name="now"/> on that keeps every sliding window within the limits. Only the
    /// <see cref="PerMinute"/>-th and <see cref="PerHour"/>-th newest slots already taken decide it (null when fewer
    /// are taken): every other slot in a window that holds the new one is newer than those, so it counts among the
    /// limit minus one newest, whatever order the slots were taken in and whichever were given back since.
    /// </summary>
    public DateTimeOffset NextSlot(DateTimeOffset now, DateTimeOffset? minuteLimitNewest, DateTimeOffset? hourLimitNewest)
    {
        var slot = now;
        if (minuteLimitNewest + Minute + Margin is { } minuteFree && minuteFree > slot)
        {
            slot = minuteFree;
        }

        if (hourLimitNewest + Hour + Margin is { } hourFree && hourFree > slot)
        {
            slot = hourFree;
        }

        return slot;
    }
}
