using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class RepoFilePathTests
{
    [Theory]
    [InlineData(".github/incidents.yml", ".github/incidents.yml")]
    [InlineData(".github/teams%2Fshop.yml", ".github/teams/shop.yml")]
    [InlineData(".github/on%2520call.yml", ".github/on call.yml")]
    [InlineData("templates/body.scriban", "templates/body.scriban")]
    public void A_path_inside_the_repository_is_used_decoded(string value, string expected)
    {
        Assert.Null(RepoFilePath.Normalize(value, out var path));
        Assert.Equal(expected, path);
    }

    [Theory]
    [InlineData(".github/%2e%2e/secret.yml", "leaves the repository through '..'")]
    [InlineData(".github%2f..%2fsecret.yml", "leaves the repository through '..'")]
    [InlineData(".github/..%252fsecret.yml", "leaves the repository through '..'")]
    [InlineData(".github/%252E%252E/secret.yml", "leaves the repository through '..'")]
    [InlineData("%2e%2e", "leaves the repository through '..'")]
    [InlineData(".github/%2e/x.yml", "has a '.' folder")]
    [InlineData(".github/%2F%2Fx.yml", "has an empty folder name")]
    [InlineData(".github/", "has an empty folder name")]
    [InlineData("%2Fetc/passwd", "without the leading '/'")]
    [InlineData(".github%5C..%5Cx.yml", "separate folders with '/'")]
    [InlineData(".github/x%00.yml", "has a control character")]
    [InlineData(".github/%C0%AE%C0%AE/x.yml", "no valid percent-encoding")]
    [InlineData(".github/100%.yml", "no valid percent-encoding")]
    [InlineData(".github/%252525252e.yml", "percent-encoded more than 3 times over")]
    [InlineData("", "is empty")]
    public void A_path_that_leaves_its_folder_or_hides_what_it_is_is_refused_naming_the_rule(string value, string rule)
    {
        Assert.Contains(rule, RepoFilePath.Normalize(value, out _), StringComparison.Ordinal);
    }

    [Fact]
    public void A_control_character_is_shown_escaped()
    {
        Assert.Equal("is \".github/x\\u0007.yml\", which has a control character; give a plain path", RepoFilePath.Normalize(".github/x\a.yml", out _));
    }
}
