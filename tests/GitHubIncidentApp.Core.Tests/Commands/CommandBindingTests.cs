using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Commands;

public class CommandBindingTests
{
    private static readonly CommandContext Context = CommandContext.For("carol", IncidentConfig.Default);

    private static BindResult Bind(string comment, CommandContext? context = null) =>
        CommandCatalog.Bind(Assert.Single(CommandParser.Parse(comment)), context ?? Context);

    public static TheoryData<string, BoundCommand> Valid => new()
    {
        { "/ack", new AckCommand() },
        { "/unack", new UnackCommand() },
        { "/resolve", new ResolveCommand(null) },
        { "/resolve disk replaced, all green", new ResolveCommand("disk replaced, all green") },
        { "/close", new ResolveCommand(null) },
        { "/CLOSE done", new ResolveCommand("done") },
        { "/reopen", new ReopenCommand() },
        { "/severity critical", new SeverityCommand("critical") },
        { "/severity WARNING", new SeverityCommand("warning") },
        { "/severity warn", new SeverityCommand("warning") },
        { "/severity page", new SeverityCommand("critical") },
        { "/autoclose on", new AutoCloseCommand(true) },
        { "/autoclose True", new AutoCloseCommand(true) },
        { "/autoclose yes", new AutoCloseCommand(true) },
        { "/autoclose off", new AutoCloseCommand(false) },
        { "/autoclose false", new AutoCloseCommand(false) },
        { "/autoclose NO", new AutoCloseCommand(false) },
        { "/status investigating paging the database team", new StatusCommand("investigating", "paging the database team") },
        { "/status Identified   bad deploy", new StatusCommand("identified", "bad deploy") },
        { "/status monitoring\tlatency back to normal", new StatusCommand("monitoring", "latency back to normal") },
        { "/timeline rolled back to v1.2", new TimelineCommand("rolled back to v1.2") },
        { "/timeline 回滚完成 ✅", new TimelineCommand("回滚完成 ✅") },
        { "/help", new HelpCommand() },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Valid_commands_bind_to_their_typed_form(string comment, BoundCommand expected)
    {
        Assert.Equal(expected, Bind(comment));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "/resovle", "unknown command `/resovle`; did you mean `/resolve`?" },
        { "/ak", "unknown command `/ak`; did you mean `/ack`?" },
        { "/sevrity high", "unknown command `/sevrity`; did you mean `/severity`?" },
        { "/clse", "unknown command `/clse`; did you mean `/close`?" },
        { "/deploy now", "unknown command `/deploy`; `/help` lists the commands" },
        { "/ack on it", "`/ack` takes no arguments; write it alone on its line" },
        { "/unack please", "`/unack` takes no arguments; write it alone on its line" },
        { "/reopen now", "`/reopen` takes no arguments; write it alone on its line" },
        { "/help me", "`/help` takes no arguments; write it alone on its line" },
        { "/severity", "`/severity` needs a level: one of `critical`, `warning`, `info`, or `sev1` to `sev4`" },
        { "/severity critcal", "unknown severity `critcal`; did you mean `critical`?" },
        { "/severity high", "unknown severity `high`; use one of `critical`, `warning`, `info`, or `sev1` to `sev4`" },
        { "/severity critical now", "unknown severity `critical now`; use one of `critical`, `warning`, `info`, or `sev1` to `sev4`" },
        { "/severity sev0", "unknown severity `sev0`; did you mean `sev1`?" },
        { "/autoclose", "`/autoclose` needs `on` or `off`" },
        { "/autoclose maybe", "`/autoclose` takes `on` or `off`, not `maybe`" },
        { "/status", "`/status` needs a phase and a text: `/status <investigating|identified|monitoring> <text>`, such as `/status identified a bad deploy of the API`" },
        { "/status identified", "`/status identified` needs a text after the phase, such as `/status identified rolling back the deploy`" },
        { "/status MONITORING  ", "`/status monitoring` needs a text after the phase, such as `/status monitoring rolling back the deploy`" },
        { "/status identifed cause found", "unknown phase `identifed`; did you mean `identified`?" },
        { "/status resolved all good", "unknown phase `resolved`; to resolve the incident, use `/resolve`" },
        { "/status fixing it", "unknown phase `fixing`; use investigating, identified or monitoring" },
        { "/timeline", "`/timeline` needs a text, such as `/timeline rolled back to v1.2`" },
        { "/assign @org/sre", "`@org/sre` is a team, and teams cannot be assigned; name the people instead, such as `/assign @alice @bob`" },
        { "/unassign @alice @org/sre", "`@org/sre` is a team, and teams cannot be assigned; name the people instead, such as `/unassign @alice @bob`" },
        { "/assign @-alice", "`@-alice` is not a GitHub login; " + "a GitHub login has letters, digits and single hyphens between them, at most 39 characters" },
        { "/assign @al--ice @bob_", "`@al--ice`, `@bob_` are not GitHub logins; a GitHub login has letters, digits and single hyphens between them, at most 39 characters" },
        { "/assign @a! @b! @c! @d! @e!", "`@a!`, `@b!`, `@c!` and 2 more are not GitHub logins;" },
        { "/assign @@alice", "`@@alice` is not a GitHub login;" },
        { "/assign alice-", "`alice-` is not a GitHub login;" },
        { "/assign é", "`é` is not a GitHub login;" },
        { $"/assign @{new string('a', 40)}", $"`@{new string('a', 39)}…` is not a GitHub login;" },
        { "/assign `x`", "`'x'` is not a GitHub login;" },
        { "/severity " + new string('x', 39) + "😀", "unknown severity `" + new string('x', 39) + "…`;" },
        { "/assign " + string.Join(' ', Enumerable.Range(1, 11).Select(i => $"@user{i}")), "`/assign` names 11 people; GitHub allows at most 10 assignees on an issue" },
        { "/resolve " + new string('x', 1001), "the note is 1001 characters long; keep it within 1000" },
        { "/timeline " + new string('x', 1001), "the entry is 1001 characters long; keep it within 1000" },
        { "/status identified " + new string('x', 1001), "the status is 1001 characters long; keep it within 1000" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_commands_say_what_is_wrong(string comment, string expected)
    {
        var error = Assert.IsType<CommandError>(Bind(comment));

        // Some rows give only the start of a long message.
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_at_the_limit_is_accepted()
    {
        var text = new string('x', CommandCatalog.MaxTextLength);

        Assert.Equal(new TimelineCommand(text), Bind("/timeline " + text));
    }

    [Theory]
    [InlineData("/assign", "carol")]
    [InlineData("/assign @alice", "alice")]
    [InlineData("/assign alice", "alice")]
    [InlineData("/assign @alice @bob", "alice,bob")]
    [InlineData("/assign @alice, @bob,carol", "alice,bob,carol")]
    [InlineData("/assign @Alice @alice @ALICE @bob", "Alice,bob")]
    [InlineData("/assign @a-b-c @x1 @A9", "a-b-c,x1,A9")]
    public void Assign_reads_logins_or_takes_the_commenter(string comment, string expected)
    {
        var assign = Assert.IsType<AssignCommand>(Bind(comment));

        Assert.Equal(expected, string.Join(',', assign.Logins));
    }

    [Fact]
    public void Unassign_alone_unassigns_the_commenter()
    {
        var unassign = Assert.IsType<UnassignCommand>(Bind("/unassign"));

        Assert.Equal(["carol"], unassign.Logins);
    }

    [Fact]
    public void Ten_people_may_be_assigned_and_repeats_do_not_count()
    {
        var names = string.Join(' ', Enumerable.Range(1, 10).Select(i => $"@user{i}"));

        var assign = Assert.IsType<AssignCommand>(Bind($"/assign {names} @USER1 user2"));

        Assert.Equal(10, assign.Logins.Count);
    }

    [Fact]
    public void A_login_of_39_characters_is_accepted()
    {
        var login = new string('a', 39);

        Assert.Equal([login], Assert.IsType<AssignCommand>(Bind($"/assign @{login}")).Logins);
    }

    [Theory]
    [InlineData("sev1", "critical")]
    [InlineData("SEV2", "critical")]
    [InlineData("sev3", "warning")]
    [InlineData("sev4", "info")]
    public void Default_levels_claim_sev_names_as_aliases(string typed, string expected)
    {
        Assert.Equal(new SeverityCommand(expected), Bind($"/severity {typed}"));
    }

    [Theory]
    [InlineData("sev1", "p1")]
    [InlineData("sev2", "p2")]
    [InlineData("sev3", "p2")]
    [InlineData("Sev4", "p2")]
    [InlineData("sev5", null)]
    [InlineData("urgent", "p1")]
    public void Sev_names_pick_levels_by_position_clamped_to_the_last(string typed, string? expected)
    {
        var severity = new SeverityConfig
        {
            Default = "p2",
            Levels = [new("p1", "severity/p1", "b60205", ["urgent"]), new("p2", "severity/p2", "fbca04", [])],
        };
        var context = Context with { Severity = severity };

        var result = Bind($"/severity {typed}", context);

        if (expected is null)
        {
            Assert.Equal("unknown severity `sev5`; use one of `p1`, `p2`, or `sev1` to `sev4`", Assert.IsType<CommandError>(result).Message);
        }
        else
        {
            Assert.Equal(new SeverityCommand(expected), result);
        }
    }

    [Fact]
    public void A_level_named_like_a_sev_alias_wins_over_its_position()
    {
        var severity = new SeverityConfig
        {
            Default = "low",
            Levels = [new("high", "severity/high", "b60205", []), new("low", "severity/low", "fbca04", ["sev1"])],
        };

        Assert.Equal(new SeverityCommand("low"), Bind("/severity sev1", Context with { Severity = severity }));
    }

    [Fact]
    public void Catalog_names_match_the_names_the_config_file_accepts()
    {
        Assert.Equal(CommandNames.All, CommandCatalog.Commands.Select(command => command.Name));
    }

    [Fact]
    public void Every_name_and_alias_finds_its_command_ignoring_case()
    {
        Assert.All(CommandCatalog.Commands, command =>
        {
            Assert.Same(command, CommandCatalog.Find(command.Name.ToUpperInvariant()));
            Assert.All(command.Aliases, alias => Assert.Same(command, CommandCatalog.Find(alias)));
        });
        Assert.Null(CommandCatalog.Find("deploy"));
    }
}
