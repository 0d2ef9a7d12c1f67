using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// GitHub's published limits on content-creating requests (new issues, comments, sub-issues): 80 a minute and 500 an hour,
/// in sliding windows. Put <see cref="Check"/> on the fake's <see cref="FakeGitHubServer.FaultWith"/> and it answers
/// a request past either limit with a secondary rate limit, as GitHub does; <see cref="Refused"/> counts those.
/// </summary>
internal sealed partial class GitHubContentLimits
{
    public const int PerMinute = 80;
    public const int PerHour = 500;

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private readonly List<DateTimeOffset> _accepted = [];
    private int _refused;

    /// <summary>Secondary rate limits answered so far.</summary>
    public int Refused => Volatile.Read(ref _refused);

    public static bool IsContentCreation(RecordedRequest request) =>
        request.Method == "POST" && ContentPath().IsMatch(request.Path);

    /// <summary>The most of <paramref name="times"/> (in order) in any window <paramref name="width"/> long.</summary>
    public static int MostInWindow(IReadOnlyList<DateTimeOffset> times, TimeSpan width)
    {
        var most = 0;
        for (int first = 0, last = 0; first < times.Count; first++)
        {
            while (last < times.Count && times[last] - times[first] < width)
            {
                last++;
            }

            most = Math.Max(most, last - first);
        }

        return most;
    }

    /// <summary>
    /// The earliest time after a start at 0 at which the last of <paramref name="count"/> content-creating requests
    /// may go out under both windows: the request k goes a minute after the request k-80 and an hour after k-500.
    /// </summary>
    public static TimeSpan IdealPace(int count)
    {
        var slots = new TimeSpan[count];
        for (var k = 0; k < count; k++)
        {
            var afterMinute = k >= PerMinute ? slots[k - PerMinute] + Minute : TimeSpan.Zero;
            var afterHour = k >= PerHour ? slots[k - PerHour] + Hour : TimeSpan.Zero;
            slots[k] = afterMinute > afterHour ? afterMinute : afterHour;
        }

        return count == 0 ? TimeSpan.Zero : slots[^1];
    }

    /// <summary>A secondary rate limit for a content-creating request past either window's limit; null (handle it) otherwise.</summary>
    public FakeFault? Check(RecordedRequest request)
    {
        if (!IsContentCreation(request))
        {
            return null;
        }

        lock (_accepted)
        {
            var inMinute = _accepted.Count(at => at > request.At - Minute);
            var inHour = _accepted.Count(at => at > request.At - Hour);
            if (inMinute >= PerMinute || inHour >= PerHour)
            {
                Interlocked.Increment(ref _refused);
                return FakeFault.SecondaryRateLimit(retryAfterSeconds: 60);
            }

            _accepted.Add(request.At);
            return null;
        }
    }

    // Filing a sub-issue counts too: GitHub says adding them too quickly may bring a secondary rate limit.
    [GeneratedRegex(@"^/repos/[^/]+/[^/]+/issues(/\d+/(comments|sub_issues))?$")]
    private static partial Regex ContentPath();
}
