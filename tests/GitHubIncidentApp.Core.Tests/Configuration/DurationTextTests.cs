using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class DurationTextTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0s", 0)]
    [InlineData("90s", 90)]
    [InlineData("15m", 15 * 60)]
    [InlineData("24h", 24 * 3600)]
    [InlineData("2d", 2 * 86400)]
    [InlineData("1w", 7 * 86400)]
    [InlineData("1h30m", 5400)]
    [InlineData("100m", 6000)]
    [InlineData("1w2d3h4m5s", (9 * 86400) + (3 * 3600) + (4 * 60) + 5)]
    [InlineData("0h15m", 900)]
    public void TryParse_reads_valid_durations(string text, long seconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("h")]
    [InlineData("1")]
    [InlineData("10")]
    [InlineData("1x")]
    [InlineData("1H")]
    [InlineData("1m1h")]
    [InlineData("1h1h")]
    [InlineData("-1h")]
    [InlineData(" 1h")]
    [InlineData("1h ")]
    [InlineData("1h 30m")]
    [InlineData("1.5h")]
    [InlineData("1ms")]
    [InlineData("١h")]
    [InlineData("1234567890s")]
    [InlineData("999999999w")]
    public void TryParse_rejects_invalid_durations(string? text)
    {
        Assert.False(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.Zero, duration);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(90, "1m30s")]
    [InlineData(72 * 60, "1h12m")]
    [InlineData(24 * 3600, "1d")]
    [InlineData(8 * 86400, "1w1d")]
    [InlineData(14 * 86400, "2w")]
    [InlineData((7 * 86400) + 1, "1w1s")]
    public void Format_writes_largest_units_first(long seconds, string expected)
    {
        Assert.Equal(expected, DurationText.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(DurationText.TryParse(expected, out var parsed));
        Assert.Equal(TimeSpan.FromSeconds(seconds), parsed);
    }

    [Fact]
    public void Format_drops_fractions_of_a_second()
    {
        Assert.Equal("1s", DurationText.Format(TimeSpan.FromMilliseconds(1999)));
        Assert.Equal("0s", DurationText.Format(TimeSpan.FromMilliseconds(10)));
    }

    [Fact]
    public void Format_rejects_negative_durations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationText.Format(TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Format_of_the_largest_duration_reads_back()
    {
        var largest = DurationText.Format(TimeSpan.MaxValue);
        Assert.True(DurationText.TryParse(largest, out var parsed));
        Assert.Equal(TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond, parsed.Ticks / TimeSpan.TicksPerSecond);
    }
}
