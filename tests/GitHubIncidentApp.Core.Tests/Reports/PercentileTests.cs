using GitHubIncidentApp.Core.Reports;

namespace GitHubIncidentApp.Core.Tests.Reports;

public sealed class PercentileTests
{
    private static IEnumerable<TimeSpan> Minutes(params int[] minutes) => minutes.Select(m => TimeSpan.FromMinutes(m));

    [Theory]
    [InlineData(new[] { 7 }, 7, 7)]
    [InlineData(new[] { 1, 2 }, 1, 2)]
    [InlineData(new[] { 30, 10, 20 }, 20, 30)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5, 9)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 100 }, 6, 10)]
    public void Nearest_rank_gives_a_value_that_occurred(int[] minutes, int median, int p90)
    {
        Assert.Equal(TimeSpan.FromMinutes(median), Percentile.Median(Minutes(minutes)));
        Assert.Equal(TimeSpan.FromMinutes(p90), Percentile.P90(Minutes(minutes)));
    }

    [Fact]
    public void No_values_have_no_percentile()
    {
        Assert.Null(Percentile.Median([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Of(Minutes(1), 0));
    }
}
