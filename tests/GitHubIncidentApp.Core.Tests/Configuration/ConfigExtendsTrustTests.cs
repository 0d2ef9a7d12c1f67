using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Configuration;

/// <summary><c>_extends</c> reaches only plain files under <c>.github/</c>, and another repository's file never shows its values.</summary>
public class ConfigExtendsTrustTests
{
    private static readonly RepoRef Repo = new("acme", "shop");

    private static Task<ExtendedParseResult> ParseAsync(string yaml, ExtendsFiles files) =>
        ConfigExtends.ParseAsync(yaml, Repo, files.ReadAsync, CancellationToken.None);

    [Theory]
    [InlineData("[.github]", "must name the file to extend: a repository of the same owner (other-repo")]
    [InlineData("'not a repo!'", "names the repository \"not a repo!\", which is no GitHub repository name; write a repository of the same owner (other-repo")]
    [InlineData("a/b/c", "names the repository \"a/b/c\", which is no GitHub repository name")]
    [InlineData("acme/.github:notes.yml", "path is \"notes.yml\", which is outside .github/")]
    [InlineData("acme/.github:.github/notes.txt", "which is no .yml or .yaml file")]
    [InlineData("acme/.github:.github/../secret.yml", "leaves the repository through '..'")]
    [InlineData("acme/.github:.github/%2e%2e/secret.yml", "path is \".github/%2e%2e/secret.yml\", which leaves the repository through '..'")]
    [InlineData("acme/.github:.github%2f..%2fsecret.yml", "leaves the repository through '..'")]
    [InlineData("acme/.github:.github/..%252fsecret.yml", "leaves the repository through '..'")]
    [InlineData("acme/.github:.github/%25252525252e.yml", "percent-encoded more than 3 times over")]
    [InlineData("acme/.github:.github/%zz.yml", "a '%' that is no valid percent-encoding")]
    [InlineData("acme/.github:.github/./x.yml", "has a '.' folder")]
    [InlineData("acme/.github:.github//x.yml", "has an empty folder name")]
    [InlineData("acme/.github:/.github/x.yml", "without the leading '/'")]
    [InlineData("acme/.github:.github%5cx.yml", "separate folders with '/', not '\\'")]
    [InlineData("acme/.github:.github/x%0a.yml", "has a control character")]
    public async Task An_extends_that_names_no_file_is_an_error_at_its_line_naming_the_rule(string value, string rule)
    {
        var files = new ExtendsFiles();

        var (parsed, _) = await ParseAsync($"labels: [x]\n_extends: {value}\n", files);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((".github/incidents.yml", 2), (error.Path, error.Line));
        Assert.StartsWith("'_extends' ", error.Message, StringComparison.Ordinal);
        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
        Assert.Empty(files.Reads);
    }

    [Fact]
    public async Task Errors_in_another_repository_s_file_name_the_place_and_key_but_no_value()
    {
        const string org = """
            timezone: Secret/Zone-Of-Victim
            oncall:
              rotations:
                primary: { members: [victim-admin, 'not a login'], start: 2026-11-02T09:00, shift: 1w }
            routes:
              - assign: [hidden-rotation]
            severity:
              levls: []
            """;

        var (parsed, _) = await ParseAsync("_extends: victim/defaults\nincident_label: ''\n", new ExtendsFiles(("victim/defaults:.github/incidents.yml", org)));

        var shown = string.Join("\n", parsed.Errors);
        Assert.Contains(".github/incidents.yml:2:17: 'incident_label' is empty", shown, StringComparison.Ordinal);
        Assert.Contains("victim/defaults:.github/incidents.yml:1:11: 'timezone': the details are not shown because the file belongs to another repository", shown, StringComparison.Ordinal);
        Assert.Contains("victim/defaults:.github/incidents.yml:8:3: unknown key 'levls': the details are not shown", shown, StringComparison.Ordinal);
        Assert.Equal(5, parsed.Errors.Count);
        foreach (var value in new[] { "Secret", "Zone-Of-Victim", "victim-admin", "not a login", "hidden-rotation" })
        {
            Assert.DoesNotContain(value, shown, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Errors_in_a_base_of_the_same_repository_are_shown_whole()
    {
        var (parsed, _) = await ParseAsync("_extends: shop:.github/defaults.yml", new ExtendsFiles(("acme/shop:.github/defaults.yml", "timezone: Mars/Olympus\n")));

        Assert.Contains("\"Mars/Olympus\"", Assert.Single(parsed.Errors).Message, StringComparison.Ordinal);
    }
}
