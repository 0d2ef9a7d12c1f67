using System.Text;
using GitHubIncidentApp.Core.Commands;

namespace GitHubIncidentApp.Core.Tests.Commands;

public class CommandParserTests
{
    /// <summary>A comment and the commands in it, written "line:name args" and joined with '|'; empty for none.</summary>
    public static TheoryData<string, string> Grammar => new()
    {
        // What a command is.
        { "/ack", "1:ack" },
        { "/ACK", "1:ack" },
        { "/Resolve  fixed the disk  ", "1:resolve fixed the disk" },
        { "   /ack", "1:ack" },
        { "    /ack", "" },
        { "\t/ack", "" },
        { " \t/ack", "" },
        { "/ack\t", "1:ack" },
        { "/auto-close_2 on", "1:auto-close_2 on" },
        { "/", "" },
        { "/ ack", "" },
        { "//ack", "" },
        { "/123", "" },
        { "/_ack", "" },
        { "/path/to/file", "" },
        { "/ack.", "" },
        { "/ack,", "" },
        { "see /ack", "" },
        { "please run /resolve now", "" },
        { "https://example.com/resolve", "" },
        { "- /ack", "" },
        { "`/ack`", "" },
        { $"/{new string('a', 32)}", $"1:{new string('a', 32)}" },
        { $"/{new string('a', 33)}", "" },

        // Fenced code, both kinds, with their closing rules.
        { "```\n/ack\n```\n/unack", "4:unack" },
        { "~~~\n/ack\n~~~\n/unack", "4:unack" },
        { "```sh\n/ack\n```", "" },
        { "```\n/ack\n~~~\n/unack\n```\n/reopen", "6:reopen" },
        { "~~~\n/ack\n```\n/unack\n~~~\n/reopen", "6:reopen" },
        { "````\n```\n/ack\n````\n/unack", "5:unack" },
        { "```\n/ack\n``\n/unack\n```", "" },
        { "```\n/ack\n```  \n/unack", "4:unack" },
        { "```\n/ack\n``` x\n/unack\n```", "" },
        { "```\n/ack\n   ```\n/unack", "4:unack" },
        { "```\n/ack\n    ```\n/unack", "" },
        { "  ```\n/ack\n```\n/unack", "4:unack" },
        { "```\n/ack", "" },
        { "/ack\n~~~\n/unack\n/reopen", "1:ack" },
        { "```a```\n/ack", "2:ack" },
        { "``\n/ack", "2:ack" },
        { "    ```\n/ack", "2:ack" },
        { "- ```\n  /ack\n  ```\n/unack", "4:unack" },
        { "1. ~~~\n   /ack\n   ~~~\n/unack", "4:unack" },
        { "``` <!--\n/ack\n```\n/unack", "4:unack" },

        // Indented code.
        { "text\n\n    /ack\n\n/unack", "5:unack" },

        // Block quotes.
        { "> /resolve\n\n/ack", "3:ack" },
        { "> they said\n/ack\n\n/unack", "4:unack" },
        { "> they said\n  /ack\n    /reopen\n \t\n/unack", "5:unack" },
        { ">\n/ack", "2:ack" },
        { "> quote\n```\n/ack\n```\n/unack", "5:unack" },
        { "   > /resolve", "" },
        { ">/resolve", "" },
        { "> > /resolve", "" },
        { "> ```\n\n/ack", "3:ack" },

        // HTML comments.
        { "<!-- /ack -->\n/unack", "2:unack" },
        { "<!--\n/ack\n-->\n/unack", "4:unack" },
        { "<!--\n/ack\n/reopen", "" },
        { "text <!-- hidden\n/ack\n--> /unack\n/reopen", "4:reopen" },
        { "<!-- a --> <!-- b\n/ack\n-->\n/unack", "4:unack" },
        { "<!-- x -->/ack", "" },
        { "/resolve fixed <!-- secret --> it", "1:resolve fixed  it" },
        { "/resolve fixed <!-- open\n/ack\n-->\n/unack", "1:resolve fixed|4:unack" },
        { "<!--\n```\n-->\n/ack", "4:ack" },
        { "```\n<!--\n```\n/ack", "4:ack" },

        // Line endings.
        { "/ack\r\n/unack\r\n", "1:ack|2:unack" },
        { "/ack\r/unack", "1:ack|2:unack" },
        { "```\r\n/ack\r\n```\r\n/resolve done\r\n", "4:resolve done" },
        { "\r\n\r\n/ack", "3:ack" },

        // Unicode arguments.
        { "/timeline 回滚完成 ✅", "1:timeline 回滚完成 ✅" },
        { "/ack\u00a0", "1:ack" },
        { "/timeline\u00a0x", "1:timeline x" },
    };

    [Theory]
    [MemberData(nameof(Grammar))]
    public void Commands_are_found_where_markdown_renders_plain_lines(string comment, string expected)
    {
        var found = CommandParser.Parse(comment);

        Assert.Equal(expected, string.Join('|', found.Select(c => $"{c.LineNumber}:{c.Name}{(c.Arguments.Length > 0 ? " " + c.Arguments : "")}")));
    }

    [Fact]
    public void Several_commands_in_a_comment_keep_their_order_and_lines()
    {
        const string comment = """
            Looking into it.

            /ack
            /severity Critical
            /assign @alice @bob

            Thanks!
            /timeline rolled back deploy 42
            """;

        var found = CommandParser.Parse(comment);

        Assert.Equal(
            [
                new CommandLine("ack", "", 3),
                new CommandLine("severity", "Critical", 4),
                new CommandLine("assign", "@alice @bob", 5),
                new CommandLine("timeline", "rolled back deploy 42", 8),
            ],
            found);
        Assert.Equal(0, found.IgnoredCount);
        Assert.Null(found.FirstIgnoredLine);
    }

    [Fact]
    public void Arguments_are_normalized_to_composed_form()
    {
        var decomposed = "/timeline Cafe\u0301 re\u0301ouvert";

        var command = Assert.Single(CommandParser.Parse(decomposed));

        Assert.Equal("timeline", command.Name);
        Assert.Equal("Caf\u00e9 r\u00e9ouvert", command.Arguments);
    }

    [Fact]
    public void A_lone_surrogate_does_not_stop_parsing()
    {
        var command = Assert.Single(CommandParser.Parse("/timeline a\ud800b"));

        Assert.Equal("a\uFFFDb", command.Arguments);
    }

    [Fact]
    public void Commands_beyond_the_cap_are_counted_as_ignored()
    {
        var comment = string.Join('\n', Enumerable.Range(1, 25).Select(i => $"/timeline step {i}"));

        var found = CommandParser.Parse(comment);

        Assert.Equal(CommandParser.MaxCommands, found.Count);
        Assert.Equal("step 20", found[^1].Arguments);
        Assert.Equal(5, found.IgnoredCount);
        Assert.Equal(21, found.FirstIgnoredLine);
    }

    [Fact]
    public void A_megabyte_comment_is_parsed_in_one_pass()
    {
        // Many lines, one huge line, and long runs of the characters the scanner looks for.
        var comment = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            comment.Append("/ack\n> /resolve\n<!-- x\n--> y\n``` a\n```\n");
        }

        comment.Append('/').Append('a', 100_000).Append(' ').Append('-', 100_000).Append('<', 100_000).Append('\n');
        comment.Append("/timeline ").Append('x', 200_000);
        Assert.True(comment.Length > 1_000_000);

        var found = CommandParser.Parse(comment.ToString());

        Assert.Equal(CommandParser.MaxCommands, found.Count);
        Assert.Equal(20_000 - CommandParser.MaxCommands + 1, found.IgnoredCount);
    }
}
