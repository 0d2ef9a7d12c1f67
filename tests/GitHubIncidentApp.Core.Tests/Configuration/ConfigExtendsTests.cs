using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class ConfigExtendsTests
{
    private static readonly RepoRef Repo = new("acme", "shop");

    private const string OrgDefaults = """
        incident_label: incident
        labels: [ops]
        severity:
          default: warning
          levels:
            - name: critical
            - name: warning
            - name: info
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1w }
            weekend: { members: [erin], start: 2026-11-07T00:00, shift: 1d, level: 1 }
        """;

    private static Task<ExtendedParseResult> ParseAsync(string yaml, ExtendsFiles files) =>
        ConfigExtends.ParseAsync(yaml, Repo, files.ReadAsync, CancellationToken.None);

    [Fact]
    public async Task Mappings_merge_key_by_key_and_lists_are_replaced_whole()
    {
        const string yaml = """
            _extends: .github
            severity:
              levels:
                - name: sev1
                - name: warning
            oncall:
              rotations:
                primary:
                  members: [carol]
            """;

        var (parsed, warnings) = await ParseAsync(yaml, new ExtendsFiles(("acme/.github:.github/incidents.yml", OrgDefaults)));

        Assert.Empty(warnings);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        Assert.Equal(["sev1", "warning"], parsed.Config.Severity.Levels.Select(level => level.Name));
        Assert.Equal("warning", parsed.Config.Severity.Default);
        var rotations = parsed.Config.OnCall!.Rotations;
        Assert.Equal(["primary", "weekend"], rotations.Keys.Order());
        Assert.Equal(["carol"], rotations["primary"].Members.Select(group => Assert.Single(group)));
        Assert.Equal((new DateTime(2026, 11, 2, 9, 0, 0), TimeSpan.FromDays(7)), (rotations["primary"].Start, rotations["primary"].Shift));
        Assert.Equal(["erin"], rotations["weekend"].Members.Select(group => Assert.Single(group)));
        Assert.Equal("Europe/Berlin", parsed.Config.OnCall.TimeZone.Id);
    }

    [Fact]
    public async Task The_repository_s_own_keys_win_and_a_null_key_keeps_the_inherited_value()
    {
        const string yaml = """
            _extends: .github
            incident_label: outage
            labels:
            """;

        var (parsed, _) = await ParseAsync(yaml, new ExtendsFiles(("acme/.github:.github/incidents.yml", OrgDefaults)));

        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        Assert.Equal("outage", parsed.Config.IncidentLabel);
        Assert.Equal(["ops"], parsed.Config.Labels);
    }

    [Theory]
    [InlineData(".github", "acme/.github:.github/incidents.yml")]
    [InlineData("defaults", "acme/defaults:.github/incidents.yml")]
    [InlineData("other-org/defaults", "other-org/defaults:.github/incidents.yml")]
    [InlineData("other-org/defaults:.github/teams/incidents.yaml", "other-org/defaults:.github/teams/incidents.yaml")]
    [InlineData("defaults:.github/teams%2Fshop.yml", "acme/defaults:.github/teams/shop.yml")]
    [InlineData(".github:.github/teams/shop.yml", "acme/.github:.github/teams/shop.yml")]
    public async Task The_base_is_read_from_the_named_repository_and_path(string extends, string read)
    {
        var files = new ExtendsFiles((read, "incident_label: inherited"));

        var (parsed, warnings) = await ParseAsync($"_extends: {extends}", files);

        Assert.Empty(warnings);
        Assert.Equal([read], files.Reads);
        Assert.Equal("inherited", parsed.Config.IncidentLabel);
    }

    [Fact]
    public async Task A_base_may_extend_another_and_the_nearer_file_wins()
    {
        var files = new ExtendsFiles(
            ("acme/team-defaults:.github/incidents.yml", "_extends: .github\nlabels: [team/shop]\n"),
            ("acme/.github:.github/incidents.yml", OrgDefaults));

        var (parsed, warnings) = await ParseAsync("_extends: team-defaults\nincident_label: outage\n", files);

        Assert.Empty(warnings);
        Assert.True(parsed.IsValid, string.Join("\n", parsed.Errors));
        Assert.Equal(["acme/team-defaults:.github/incidents.yml", "acme/.github:.github/incidents.yml"], files.Reads);
        Assert.Equal("outage", parsed.Config.IncidentLabel);
        Assert.Equal(["team/shop"], parsed.Config.Labels);
        Assert.Equal(["primary", "weekend"], parsed.Config.OnCall!.Rotations.Keys.Order());
    }

    [Fact]
    public async Task A_cycle_is_refused_where_it_closes_naming_the_chain()
    {
        var files = new ExtendsFiles(
            ("acme/.github:.github/incidents.yml", "labels: [org]\n_extends: shop\n"),
            ("acme/shop:.github/incidents.yml", "never read"));

        var (parsed, _) = await ParseAsync("_extends: .github", files);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((new RepoRef("acme", ".github"), ".github/incidents.yml", 2, 11), (error.Repo, error.Path, error.Line, error.Column));
        Assert.StartsWith("'_extends': the details are not shown", error.Message, StringComparison.Ordinal); // the chain is named in acme/.github's file
        Assert.Equal(["acme/.github:.github/incidents.yml"], files.Reads);
        Assert.Equal(IncidentConfig.Default, parsed.Config);
    }

    [Fact]
    public async Task A_chain_longer_than_the_limit_is_refused()
    {
        var files = new ExtendsFiles([.. Enumerable.Range(1, ConfigExtends.MaxBases + 1)
            .Select(n => ($"acme/base{n}:.github/incidents.yml", $"_extends: base{n + 1}"))]);

        var (parsed, _) = await ParseAsync("_extends: base1", files);

        var error = Assert.Single(parsed.Errors);
        Assert.Equal($"acme/base{ConfigExtends.MaxBases}:.github/incidents.yml", error.File);
        Assert.StartsWith("'_extends': the details are not shown", error.Message, StringComparison.Ordinal);
        Assert.Equal(ConfigExtends.MaxBases, files.Reads.Count);
    }

    [Fact]
    public async Task A_missing_base_is_an_error_naming_it_and_the_file_applies_alone()
    {
        var (parsed, warnings) = await ParseAsync("incident_label: outage\n_extends: .github\n", new ExtendsFiles());

        Assert.True(parsed.IsValid);
        Assert.Equal("outage", parsed.Config.IncidentLabel);
        var warning = Assert.Single(warnings);
        Assert.Equal((".github/incidents.yml", 2, 11, ConfigSeverity.Error), (warning.Path, warning.Line, warning.Column, warning.Severity));
        Assert.Contains("cannot read acme/.github:.github/incidents.yml with this repository's installation: it does not exist", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_the_app_cannot_reach_is_reported_and_an_outage_propagates()
    {
        static Task<string?> NotInstalled(RepoRef repo, string path, CancellationToken ct) => throw new GitHubAppNotInstalledException(repo);
        static Task<string?> Outage(RepoRef repo, string path, CancellationToken ct) =>
            throw new GitHubApiException("GET failed", System.Net.HttpStatusCode.BadGateway);

        var (parsed, warnings) = await ConfigExtends.ParseAsync("_extends: .github", Repo, NotInstalled, CancellationToken.None);

        Assert.True(parsed.IsValid);
        Assert.Contains("cannot read acme/.github:.github/incidents.yml with this repository's installation (The GitHub App is not installed", Assert.Single(warnings).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<GitHubApiException>(() => ConfigExtends.ParseAsync("_extends: .github", Repo, Outage, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_reader_for_other_repositories_the_file_applies_alone_with_a_warning()
    {
        var (parsed, warnings) = await ConfigExtends.ParseAsync("_extends: .github\nincident_label: outage\n", Repo, null, CancellationToken.None);

        Assert.Equal("outage", parsed.Config.IncidentLabel);
        Assert.Contains("not fetched when reading local files", Assert.Single(warnings).Message, StringComparison.Ordinal);
        Assert.Equal(ConfigSeverity.Warning, warnings[0].Severity);
    }

    [Fact]
    public async Task A_reader_that_does_not_fetch_a_base_says_why_in_a_warning_and_the_file_applies_alone()
    {
        static Task<string?> NotFetched(RepoRef repo, string path, CancellationToken ct) => throw new BaseNotFetchedException($"without a token for {repo}");

        var (parsed, warnings) = await ConfigExtends.ParseAsync("_extends: .github\nincident_label: outage\n", Repo, NotFetched, CancellationToken.None);

        Assert.Equal("outage", parsed.Config.IncidentLabel);
        var warning = Assert.Single(warnings);
        Assert.Equal(
            ".github/incidents.yml:1:11: '_extends' names acme/.github:.github/incidents.yml, which is not fetched without a token for acme/.github; the settings of this file alone are used",
            warning.ToString());
        Assert.Equal((ConfigSeverity.Warning, null), (warning.Severity, warning.Repo));
    }

    [Fact]
    public async Task Errors_name_the_file_and_line_they_are_in_own_file_first()
    {
        const string org = """
            labels: [ops]
            severity:
              levls: []
            oncall:
              rotations:
                primary: { members: [alice], start: 2026-11-02T09:00, shift: 1w }
            """;
        const string yaml = """
            _extends: .github
            run_edited_comments: maybe
            oncall:
              rotations:
                primary: { shift: 30m }
            routes:
              - assign: [primary]
            """;

        var (parsed, _) = await ParseAsync(yaml, new ExtendsFiles(("acme/.github:.github/incidents.yml", org)));

        Assert.Equal(
            [(".github/incidents.yml", 2), (".github/incidents.yml", 5), ("acme/.github:.github/incidents.yml", 3)],
            parsed.Errors.Select(e => (e.File, e.Line)));
        Assert.StartsWith("acme/.github:.github/incidents.yml:3:3: unknown key 'levls'", parsed.Errors[2].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_in_a_merged_mapping_points_at_the_file_that_wins()
    {
        const string org = "oncall:\n  rotations:\n    primary: { start: 2026-11-02T09:00, shift: 1w }\n";
        const string yaml = "_extends: .github\noncall:\n  rotations:\n    primary:\n      level: 1\n";

        var (parsed, _) = await ParseAsync(yaml, new ExtendsFiles(("acme/.github:.github/incidents.yml", org)));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal((".github/incidents.yml", 5), (error.Path, error.Line));
        Assert.Contains("members", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_yaml_in_a_base_is_reported_in_that_file()
    {
        var (parsed, _) = await ParseAsync("_extends: .github", new ExtendsFiles(("acme/.github:.github/incidents.yml", "labels: [ops\nseverity: x\n")));

        var error = Assert.Single(parsed.Errors);
        Assert.Equal("acme/.github:.github/incidents.yml", error.File);
        Assert.Contains("invalid YAML", error.Message, StringComparison.Ordinal);
    }
}
