namespace GitHubIncidentApp.Tests;

/// <summary>
/// <c>feed-url</c> and <c>status-url</c> refuse what would print a URL that opens nothing (their working URLs are tested with
/// the feed, in <see cref="OnCallFeedTests"/>, and the page, in <see cref="StatusPageTests"/>).
/// </summary>
public sealed class FeedUrlCommandTests
{
    private const string Secret = "test-feed-secret-0123456789abcdef0123456789";

    [Theory]
    [InlineData(null, "give the repository as OWNER/REPO", "--base", "https://incidents.example.com")]
    [InlineData("short", "FEED_SECRET is 5 characters long", "o/r", "--base", "https://incidents.example.com")]
    [InlineData("", "FEED_SECRET is 0 characters long", "o/r", "--base", "https://incidents.example.com")]
    [InlineData(null, "give the app's public base URL with --base", "o/r")]
    [InlineData(null, "give the app's public base URL with --base", "o/r", "--base", "ftp://x")]
    [InlineData(null, "'o/r/x' is not a repository", "o/r/x", "--base", "https://incidents.example.com")]
    [InlineData(null, "unexpected argument 'more'", "o/r", "alice", "more")]
    public async Task Explains_what_is_missing(string? secret, string expected, params string[] args)
    {
        var (exit, output, errors) = await RepoForCommandTests.RunAsync(
            (a, o, e) => FeedUrlCommand.RunAsync(a, o, e, name => name == FeedToken.Setting ? secret ?? Secret : null), args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unexpected argument 'alice'", "o/r", "alice", "--base", "https://incidents.example.com")]
    [InlineData("FEED_SECRET is not set: set it as the app has it (the app serves no private status pages without it)", "o/r", "--base", "https://incidents.example.com")]
    public async Task Status_url_takes_one_repository_and_needs_the_secret(string expected, params string[] args)
    {
        var (exit, output, errors) = await RepoForCommandTests.RunAsync((a, o, e) => StatusUrlCommand.RunAsync(a, o, e, _ => null), args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_FEED_SECRET_it_says_to_set_it()
    {
        var (exit, _, errors) = await RepoForCommandTests.RunAsync(
            (a, o, e) => FeedUrlCommand.RunAsync(a, o, e, _ => null), "o/r", "--base", "https://incidents.example.com");

        Assert.Equal(2, exit);
        Assert.StartsWith("error: FEED_SECRET is not set", errors, StringComparison.Ordinal);
    }
}
