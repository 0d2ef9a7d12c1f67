using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class GitHubApiUrlTests
{
    [Fact]
    public void Nothing_set_means_github_com() =>
        Assert.Equal(new Uri("https://api.github.com/"), GitHubApiUrl.Resolve(null, " "));

    [Fact]
    public void GHE_host_gets_the_api_v3_path() =>
        Assert.Equal(new Uri("https://github.example.com/api/v3/"), GitHubApiUrl.Resolve("github.example.com", null));

    [Theory]
    [InlineData("http://127.0.0.1:5123/", "http://127.0.0.1:5123/")]
    [InlineData("https://ghe.example.com/api/v3", "https://ghe.example.com/api/v3/")]
    public void API_URL_is_used_as_given(string given, string expected) =>
        Assert.Equal(new Uri(expected), GitHubApiUrl.Resolve(null, given));

    [Fact]
    public void Both_set_is_refused_with_both_names()
    {
        var e = Assert.Throws<ArgumentException>(() => GitHubApiUrl.Resolve("ghe.example.com", "https://ghe.example.com/api/v3/"));
        Assert.Contains("GHE_HOST", e.Message, StringComparison.Ordinal);
        Assert.Contains("GITHUB_API_URL", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://ghe.example.com", null, "GHE_HOST")]
    [InlineData(null, "ghe.example.com/api/v3", "GITHUB_API_URL")]
    [InlineData(null, "ftp://ghe.example.com/", "GITHUB_API_URL")]
    public void Malformed_values_are_refused_naming_the_setting(string? host, string? url, string setting)
    {
        var e = Assert.Throws<ArgumentException>(() => GitHubApiUrl.Resolve(host, url));
        Assert.StartsWith(setting, e.Message, StringComparison.Ordinal);
    }
}
