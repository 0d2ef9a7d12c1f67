using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.GitHub;

/// <summary>Owner and repository names by GitHub's rules, the one check for URLs, labels, webhooks and settings.</summary>
public sealed class RepoRefTests
{
    private const string OwnerRule = "is not a GitHub owner name: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters";
    private const string NameRule = "is not a GitHub repository name: letters, digits, '.', '-' and '_', at most 100 characters, not '.' or '..'";

    [Theory]
    [InlineData("operate-first/incidents")]
    [InlineData("a/b")]
    [InlineData("A1-b2-C3/.github")]
    [InlineData("o/repo_name-1.2")]
    [InlineData("o/...")]
    [InlineData("o/.hidden")]
    public void Takes_names_by_GitHubs_rules(string text)
    {
        var (repo, problem) = RepoRef.Parse(text);

        Assert.Null(problem);
        Assert.Equal(text, repo!.ToString());
    }

    [Fact]
    public void Takes_the_longest_names_GitHub_allows() =>
        Assert.NotNull(RepoRef.Parse($"{new string('a', 39)}/{new string('b', 100)}").Repo);

    public static TheoryData<string, string> BadOwners => new()
    {
        { "own\n", @"'own\n'" },
        { "own\r", @"'own\r'" },
        { "own\u0000", @"'own\u0000'" },
        { "own\u202E", @"'own\u202E'" },
        { "-own", "'-own'" },
        { "own-", "'own-'" },
        { "ow--n", "'ow--n'" },
        { "o_wn", "'o_wn'" },
        { "ówn", "'ówn'" },
        { "", "''" },
        { new string('a', 40), $"'{new string('a', 40)}'" },
    };

    [Theory]
    [MemberData(nameof(BadOwners))]
    public void Names_the_owner_rule(string owner, string shown)
    {
        var (repo, problem) = RepoRef.Parse($"{owner}/x");

        Assert.Null(repo);
        Assert.Equal($"{shown} {OwnerRule}", problem);
    }

    public static TheoryData<string, string> BadNames => new()
    {
        { ".", "'.'" },
        { "..", "'..'" },
        { "x\n", @"'x\n'" },
        { "x y", "'x y'" },
        { "x%2F", "'x%2F'" },
        { "", "''" },
        { new string('b', 101), $"'{new string('b', 101)}'" },
    };

    [Theory]
    [MemberData(nameof(BadNames))]
    public void Names_the_repository_rule(string name, string shown)
    {
        var (repo, problem) = RepoRef.Parse($"own/{name}");

        Assert.Null(repo);
        Assert.Equal($"{shown} {NameRule}", problem);
    }

    [Theory]
    [InlineData("just-a-name")]
    [InlineData("a/b/c")]
    [InlineData("")]
    public void Wants_owner_and_name(string text) =>
        Assert.Equal($"'{text}' is not owner/name", RepoRef.Parse(text).Problem);

    [Fact]
    public void A_bare_name_takes_the_default_owner_and_trims_nothing()
    {
        Assert.Equal(new RepoRef("org", "incidents"), RepoRef.Parse("incidents", "org").Repo);
        Assert.False(RepoRef.TryParse(" org/incidents", out _));
        Assert.False(RepoRef.TryParse("org/incidents\n", out _));
    }

    [Fact]
    public void Long_names_are_cut_in_messages() =>
        Assert.EndsWith($"{new string('x', 120)}...' {OwnerRule}", RepoRef.Parse($"{new string('x', 10_000)}/y").Problem, StringComparison.Ordinal);
}
