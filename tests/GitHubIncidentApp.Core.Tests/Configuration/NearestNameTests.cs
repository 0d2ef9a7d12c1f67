using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class NearestNameTests
{
    [Theory]
    [InlineData("lables", "labels")]
    [InlineData("incidentLabel", "incident_label")]
    [InlineData("incident-label", "incident_label")]
    [InlineData("Severity", "severity")]
    [InlineData("templtes", "templates")]
    [InlineData("timezon", "timezone")]
    [InlineData("colour", null)]
    [InlineData("x", null)]
    [InlineData("foo", null)]
    public void Find_suggests_a_close_known_name(string name, string? expected)
    {
        string[] known = ["incident_label", "labels", "severity", "templates", "timezone", "close", "label"];
        Assert.Equal(expected, NearestName.Find(name, known));
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("label", "labels", 1)]
    public void EditDistance_counts_single_character_edits(string a, string b, int expected)
    {
        Assert.Equal(expected, NearestName.EditDistance(a, b));
        Assert.Equal(expected, NearestName.EditDistance(b, a));
    }
}
