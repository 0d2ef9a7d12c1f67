using System.Globalization;
using System.Text;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Action;

/// <summary>
/// What a run tells the workflow: step outputs in <c>GITHUB_OUTPUT</c> (each value between a random
/// heredoc delimiter, so no value can end it early) and a Markdown summary in <c>GITHUB_STEP_SUMMARY</c>.
/// </summary>
public sealed record ActionReport
{
    public required ActionSettings Settings { get; init; }
    public required string Outcome { get; init; }
    public required IReadOnlyList<GitHubWrite> Writes { get; init; }
    public required bool Failed { get; init; }

    /// <summary>The one incident issue the run wrote to; null when it wrote to none or to several.</summary>
    public (RepoRef Repo, int Number)? Incident => GitHubWrite.SoleIssue(Writes);

    public void WriteOutputs()
    {
        if (Settings.OutputPath is not { } path)
        {
            return;
        }

        var outputs = new StringBuilder();
        if (Incident is { } incident)
        {
            Append(outputs, "incident-number", incident.Number.ToString(CultureInfo.InvariantCulture));
            Append(outputs, "incident-url", Settings.IssueUrl(incident.Repo, incident.Number));
        }

        Append(outputs, "operations", Writes.Count.ToString(CultureInfo.InvariantCulture));
        File.AppendAllText(path, outputs.ToString());
    }

    public void WriteSummary()
    {
        if (Settings.SummaryPath is not { } path)
        {
            return;
        }

        var summary = new StringBuilder("### Incidents\n\n");
        summary.Append(CultureInfo.InvariantCulture, $"{(Failed ? "**Failed.** " : "")}{Outcome}\n\n");
        summary.Append(CultureInfo.InvariantCulture, $"Event `{Settings.EventName}`, mode `{ActionModes.Name(Settings.Mode)}`{(Settings.DryRun ? ", **dry run**: nothing was written to GitHub" : "")}.\n\n");
        if (Incident is { } incident)
        {
            summary.Append(CultureInfo.InvariantCulture, $"Incident: [{incident.Repo}#{incident.Number}]({Settings.IssueUrl(incident.Repo, incident.Number)})\n\n");
        }

        summary.Append(CultureInfo.InvariantCulture, $"{Writes.Count} write(s) to GitHub{(Settings.DryRun ? ", not made" : "")}{(Writes.Count > 0 ? ":" : ".")}\n");
        foreach (var write in Writes)
        {
            summary.Append(CultureInfo.InvariantCulture, $"- {write.Call}{(write.Issue is { } number ? $" on #{number}" : "")}\n");
        }

        File.AppendAllText(path, summary.Append('\n').ToString());
    }

    private static void Append(StringBuilder outputs, string name, string value)
    {
        var delimiter = $"ghadelimiter_{Guid.NewGuid()}";
        outputs.Append(name).Append("<<").Append(delimiter).Append('\n').Append(value).Append('\n').Append(delimiter).Append('\n');
    }
}
