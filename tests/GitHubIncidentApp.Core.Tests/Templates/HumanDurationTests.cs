using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class HumanDurationTests
{
    [Theory]
    [InlineData(12, "12s")]
    [InlineData(60, "1m")]
    [InlineData(303, "5m 3s")]
    [InlineData(4320, "1h 12m")]
    [InlineData(7200, "2h")]
    [InlineData(273_600, "3d 4h")]
    [InlineData(-5, "0s")]
    public void Formats_the_way_people_say_it(int seconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromSeconds(seconds)));
}
