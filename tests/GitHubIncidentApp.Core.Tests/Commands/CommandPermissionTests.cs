using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Commands;

public class CommandPermissionTests
{
    private static readonly Dictionary<string, RepoPermission> NoOverrides = [];

    [Theory]
    [InlineData("ack", RepoPermission.Triage)]
    [InlineData("unack", RepoPermission.Triage)]
    [InlineData("resolve", RepoPermission.Triage)]
    [InlineData("close", RepoPermission.Triage)]
    [InlineData("reopen", RepoPermission.Triage)]
    [InlineData("severity", RepoPermission.Triage)]
    [InlineData("assign", RepoPermission.Triage)]
    [InlineData("unassign", RepoPermission.Triage)]
    [InlineData("autoclose", RepoPermission.Triage)]
    [InlineData("status", RepoPermission.Triage)]
    [InlineData("timeline", RepoPermission.Triage)]
    [InlineData("help", RepoPermission.Read)]
    [InlineData("HELP", RepoPermission.Read)]
    public void Each_command_has_a_default_permission(string name, RepoPermission expected)
    {
        Assert.Equal(expected, CommandCatalog.RequiredPermission(name, NoOverrides));
    }

    [Fact]
    public void Overrides_replace_the_default_and_apply_to_aliases()
    {
        var overrides = new Dictionary<string, RepoPermission> { ["resolve"] = RepoPermission.Write, ["help"] = RepoPermission.None };

        Assert.Equal(RepoPermission.Write, CommandCatalog.RequiredPermission("resolve", overrides));
        Assert.Equal(RepoPermission.Write, CommandCatalog.RequiredPermission("close", overrides));
        Assert.Equal(RepoPermission.None, CommandCatalog.RequiredPermission("help", overrides));
        Assert.Equal(RepoPermission.Triage, CommandCatalog.RequiredPermission("ack", overrides));
    }

    [Fact]
    public void An_unknown_command_has_no_permission()
    {
        Assert.Throws<ArgumentException>(() => CommandCatalog.RequiredPermission("deploy", NoOverrides));
    }

    [Fact]
    public void Help_lists_every_command_with_its_usage_and_summary()
    {
        var help = CommandCatalog.HelpText(RepoPermission.Admin, NoOverrides);

        Assert.All(CommandCatalog.Commands, command => Assert.Contains($"`{command.Usage}`", help, StringComparison.Ordinal));
        Assert.All(CommandCatalog.Commands, command => Assert.Contains(command.Summary, help, StringComparison.Ordinal));
        Assert.Contains("- ✅ `/resolve [note]` (or `/close`): Resolve and close the incident, with an optional note.", help, StringComparison.Ordinal);
        Assert.DoesNotContain("🔒", help, StringComparison.Ordinal);
        Assert.EndsWith("You have admin access: you may run the commands marked ✅.", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_for_a_reader_marks_what_needs_more_access()
    {
        var help = CommandCatalog.HelpText(RepoPermission.Read, NoOverrides);

        Assert.Equal(
            """
            **Incident commands**: write each at the start of its own line in a comment on this issue.

            - 🔒 `/ack`: Acknowledge the incident: you are on it. *Needs triage access.*
            - 🔒 `/unack`: Take the acknowledgement back. *Needs triage access.*
            - 🔒 `/resolve [note]` (or `/close`): Resolve and close the incident, with an optional note. *Needs triage access.*
            - 🔒 `/reopen`: Reopen a resolved incident. *Needs triage access.*
            - 🔒 `/severity <level>`: Change the severity to a configured level, or sev1 to sev4. *Needs triage access.*
            - 🔒 `/assign [@user ...]`: Assign people; yourself when you name no one. *Needs triage access.*
            - 🔒 `/unassign [@user ...]`: Unassign people; yourself when you name no one. *Needs triage access.*
            - 🔒 `/autoclose on|off`: Whether the incident closes by itself once its alerts resolve. *Needs triage access.*
            - 🔒 `/status <investigating|identified|monitoring> <text>`: Post a status update. *Needs triage access.*
            - 🔒 `/timeline <text>`: Add an entry to the incident's timeline. *Needs triage access.*
            - 🔒 `/escalate`: Page the next step of the escalation policy now. *Needs triage access.*
            - 🔒 `/silence <duration> [matchers]`: Silence the incident's alerts in Alertmanager for that long (`2h`); matchers such as `pod=~"web-.*"` narrow it. *Needs triage access.*
            - 🔒 `/unsilence`: End the silence set with `/silence`. *Needs triage access.*
            - 🔒 `/split <alertname | label=value ...>`: On a storm issue: give one of its groups an issue of its own. *Needs triage access.*
            - ✅ `/oncall [take <duration> [rotation]]`: Who is on call now and the next hand-offs; `take 4h` puts you on call for that long.
            - 🔒 `/postmortem`: Post the post-mortem template, prefilled with the incident's timeline, and label the issue `post-mortem`. *Needs triage access.*
            - ✅ `/help`: List the commands and who may run them.

            You have read access: you may run the commands marked ✅.
            """,
            help);
    }

    [Fact]
    public void Help_follows_the_overrides()
    {
        var overrides = new Dictionary<string, RepoPermission> { ["severity"] = RepoPermission.Maintain, ["ack"] = RepoPermission.None };

        var help = CommandCatalog.HelpText(RepoPermission.Write, overrides);

        Assert.Contains("- ✅ `/ack`:", help, StringComparison.Ordinal);
        Assert.Contains("- ✅ `/timeline <text>`:", help, StringComparison.Ordinal);
        Assert.Contains("- 🔒 `/severity <level>`: Change the severity to a configured level, or sev1 to sev4. *Needs maintain access.*", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_for_someone_without_access_says_so()
    {
        var help = CommandCatalog.HelpText(RepoPermission.None, NoOverrides);

        Assert.Contains("- 🔒 `/help`: List the commands and who may run them. *Needs read access.*", help, StringComparison.Ordinal);
        Assert.EndsWith("You have no access to this repository: you may run the commands marked ✅.", help, StringComparison.Ordinal);
    }
}
