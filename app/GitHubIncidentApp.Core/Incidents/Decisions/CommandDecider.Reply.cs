using System.Text;
using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

// How a comment with commands is answered: 👀 at once, then one reply and a 🚀 or a 😕.
public static partial class CommandDecider
{
    /// <summary>The reaction that says the commands were seen, before anything else is looked up.</summary>
    public static IReadOnlyList<IssueOperation> Seen(IssueCommentEvent comment) => [new ReactToComment(comment.CommentId, "eyes")];

    /// <summary>
    /// The reply, once the decision is applied: each command as typed and what came of it, then 🚀 if all
    /// succeeded, 😕 if not. GitHub skips people it cannot assign (<paramref name="appliedAssignees"/> are those
    /// the issue has after the assignment); they are mentioned instead, so they still hear of it.
    /// </summary>
    public static IReadOnlyList<IssueOperation> Reply(CommentDecision decision, IReadOnlyList<string> appliedAssignees)
    {
        var notAssigned = decision.RequestedAssignees
            .Where(login => !appliedAssignees.Contains(login, StringComparer.OrdinalIgnoreCase))
            .ToList();
        return
        [
            new CommentOnIssue(ReplyText(decision.Outcomes, decision.Ignored, notAssigned)),
            new ReactToComment(decision.CommentId, decision.AllSucceeded && notAssigned.Count == 0 ? "rocket" : "confused"),
        ];
    }

    private static string ReplyText(IReadOnlyList<CommandOutcome> outcomes, int ignored, List<string> notAssigned)
    {
        var reply = new StringBuilder();
        foreach (var outcome in outcomes)
        {
            reply.Append("> `").Append(outcome.Command.Replace('`', '\'')).Append("`\n\n")
                .Append(outcome.Succeeded ? "✅ " : "❌ ").Append(outcome.Message).Append("\n\n");
        }

        if (notAssigned.Count > 0)
        {
            reply.Append("⚠️ GitHub could not assign ")
                .Append(Mentions(notAssigned))
                .Append(" (only people with access to this repository can be assigned), so they are mentioned here instead.\n\n");
        }

        if (ignored > 0)
        {
            reply.Append($"⚠️ Only the first {CommandParser.MaxCommands} commands of a comment run; {ignored} more were ignored.\n");
        }

        return reply.ToString().TrimEnd() + "\n";
    }
}
