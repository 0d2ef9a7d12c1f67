namespace GitHubIncidentApp.Core.Reports;

/// <summary>Percentiles by nearest rank: always a value that occurred, never an interpolation between two incidents.</summary>
public static class Percentile
{
    /// <summary>The smallest value with at least <paramref name="percent"/> % of the values at or below it; null for no values.</summary>
    public static TimeSpan? Of(IEnumerable<TimeSpan> values, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Max(rank, 1) - 1];
    }

    public static TimeSpan? Median(IEnumerable<TimeSpan> values) => Of(values, 50);

    public static TimeSpan? P90(IEnumerable<TimeSpan> values) => Of(values, 90);
}
