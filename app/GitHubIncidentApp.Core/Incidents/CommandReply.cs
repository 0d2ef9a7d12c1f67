using System.Text;
using GitHubIncidentApp.Core.Commands;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>The one reply a comment with commands gets: each command as typed, and what came of it.</summary>
public static class CommandReply
{
    public static string Render(IReadOnlyList<CommandOutcome> outcomes, int ignored, IReadOnlyList<string> notAssigned)
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
                .Append(string.Join(", ", notAssigned.Select(l => "@" + l)))
                .Append(" (only people with access to this repository can be assigned), so they are mentioned here instead.\n\n");
        }

        if (ignored > 0)
        {
            reply.Append($"⚠️ Only the first {CommandParser.MaxCommands} commands of a comment run; {ignored} more were ignored.\n");
        }

        return reply.ToString().TrimEnd() + "\n";
    }
}
