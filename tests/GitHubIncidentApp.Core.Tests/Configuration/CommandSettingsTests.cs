using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class CommandSettingsTests
{
    [Fact]
    public void By_default_no_permission_is_overridden_and_edited_comments_do_not_run()
    {
        var config = IncidentConfigParser.Parse("incident_label: outage").Config;

        Assert.Empty(config.CommandPermissions);
        Assert.False(config.RunEditedComments);
        Assert.Equal(IncidentConfig.Default with { IncidentLabel = "outage" }, config);
    }

    [Fact]
    public void Commands_set_the_permission_each_needs()
    {
        const string yaml = """
            commands:
              severity: { permission: write }
              help:
                permission: none
              resolve:
                permission: Maintain
              ack:
              timeline: {}
            run_edited_comments: true
            """;

        var result = IncidentConfigParser.Parse(yaml);

        Assert.Empty(result.Errors);
        Assert.Equal(
            new Dictionary<string, RepoPermission>
            {
                ["severity"] = RepoPermission.Write,
                ["help"] = RepoPermission.None,
                ["resolve"] = RepoPermission.Maintain,
            },
            result.Config.CommandPermissions);
        Assert.True(result.Config.RunEditedComments);
    }

    [Theory]
    [InlineData("none", RepoPermission.None)]
    [InlineData("read", RepoPermission.Read)]
    [InlineData("triage", RepoPermission.Triage)]
    [InlineData("write", RepoPermission.Write)]
    [InlineData("maintain", RepoPermission.Maintain)]
    [InlineData("ADMIN", RepoPermission.Admin)]
    public void Every_permission_can_be_named(string written, RepoPermission expected)
    {
        var config = IncidentConfigParser.Parse($"commands:\n  ack:\n    permission: {written}\n").Config;

        Assert.Equal(expected, config.CommandPermissions["ack"]);
    }

    [Fact]
    public void An_empty_commands_section_keeps_the_defaults()
    {
        var result = IncidentConfigParser.Parse("commands:\nrun_edited_comments:\n");

        Assert.Empty(result.Errors);
        Assert.Same(IncidentConfig.Default.CommandPermissions, result.Config.CommandPermissions);
        Assert.False(result.Config.RunEditedComments);
    }
}
