using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>How a comment with commands is answered: the reactions and the reply, decided without GitHub.</summary>
public sealed partial class CommandDeciderTests
{
    private static string ReplyText(IReadOnlyList<IssueOperation> reply) => Assert.Single(reply.OfType<CommentOnIssue>()).Body;

    private static string Reaction(IReadOnlyList<IssueOperation> reply)
    {
        var reaction = Assert.Single(reply.OfType<ReactToComment>());
        Assert.Equal(99, reaction.CommentId);
        return reaction.Reaction;
    }

    [Fact]
    public void A_comment_with_commands_is_seen_at_once_with_eyes()
    {
        var comment = new IssueCommentEvent
        {
            DeliveryId = "d1",
            Sender = new GitHubActor("alice", false),
            Repo = TestIncidents.Repo,
            Action = "created",
            CommentId = 99,
            Body = "/ack",
            Issue = new IssueSnapshot { Number = 12, Title = "t", Body = "", IsOpen = true, Labels = [] },
        };

        Assert.Equal([new ReactToComment(99, "eyes")], CommandDecider.Seen(comment));
    }

    [Fact]
    public void All_commands_done_get_one_reply_then_a_rocket()
    {
        var decision = Decide("/ack\n/severity critical");

        var reply = CommandDecider.Reply(decision, appliedAssignees: ["alice"]);

        Assert.Equal([typeof(CommentOnIssue), typeof(ReactToComment)], reply.Select(op => op.GetType()));
        Assert.Equal("rocket", Reaction(reply));
        Assert.DoesNotContain("❌", ReplyText(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("could not assign", ReplyText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_that_failed_gets_a_confused_reaction()
    {
        var decision = Decide("/ack\n/severity bogus");

        var reply = CommandDecider.Reply(decision, appliedAssignees: ["alice"]);

        Assert.Equal("confused", Reaction(reply));
        Assert.Contains("❌ ", ReplyText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Someone_GitHub_did_not_assign_is_mentioned_and_the_reaction_is_confused()
    {
        var decision = Decide("/assign @bob @zed");

        var reply = CommandDecider.Reply(decision, appliedAssignees: ["bob"]);

        Assert.True(decision.AllSucceeded);
        Assert.Equal("confused", Reaction(reply));
        Assert.Contains("⚠️ GitHub could not assign @zed (only people", ReplyText(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("could not assign @bob", ReplyText(reply), StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_beyond_the_cap_are_counted_in_the_reply()
    {
        var body = string.Join('\n', Enumerable.Repeat("/status investigating the hub", CommandParser.MaxCommands + 2));

        var reply = CommandDecider.Reply(Decide(body), appliedAssignees: []);

        Assert.EndsWith($"⚠️ Only the first {CommandParser.MaxCommands} commands of a comment run; 2 more were ignored.\n", ReplyText(reply), StringComparison.Ordinal);
        Assert.Equal("rocket", Reaction(reply));
    }
}
