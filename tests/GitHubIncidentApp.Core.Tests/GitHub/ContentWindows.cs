using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>Checks taken slots against the limits, window by window.</summary>
internal static class ContentWindows
{
    /// <summary>No sliding minute holds more than the minute limit, no sliding hour more than the hour limit.</summary>
    public static void AssertWithin(IReadOnlyCollection<DateTimeOffset> slots, ContentLimits limits)
    {
        // The fullest window of a length is one that ends at a slot.
        Assert.All(slots, slot => Assert.True(
            Count(slots, slot, ContentLimits.Minute) <= limits.PerMinute, $"more than {limits.PerMinute} slots in the minute up to {slot:O}"));
        Assert.All(slots, slot => Assert.True(
            Count(slots, slot, ContentLimits.Hour) <= limits.PerHour, $"more than {limits.PerHour} slots in the hour up to {slot:O}"));
    }

    private static int Count(IEnumerable<DateTimeOffset> slots, DateTimeOffset end, TimeSpan window) =>
        slots.Count(other => other > end - window && other <= end);
}
