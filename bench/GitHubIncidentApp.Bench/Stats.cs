namespace GitHubIncidentApp.Bench;

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 50);

    /// <summary>Linear interpolation between the closest ranks of <paramref name="sorted"/>; 0 when it is empty.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = percent / 100 * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
