using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Action;

/// <summary>
/// GitHub's workflow commands on standard output: log groups, and errors the run page shows as
/// annotations (on a file's line when one is given). Values are escaped as the runner expects.
/// </summary>
public sealed class WorkflowCommands(TextWriter output)
{
    public void Group(string title) => output.WriteLine($"::group::{EscapeData(title)}");

    public void EndGroup() => output.WriteLine("::endgroup::");

    public void Error(string message) => output.WriteLine($"::error::{EscapeData(message)}");

    public void Warning(string message) => output.WriteLine($"::warning::{EscapeData(message)}");

    public void Notice(string message) => output.WriteLine($"::notice::{EscapeData(message)}");

    public void Debug(string message) => output.WriteLine($"::debug::{EscapeData(message)}");

    public void Info(string message) => output.WriteLine(message);

    /// <summary>A config problem on its file when that is in <paramref name="repository"/>; one in another repository's base names it in the message.</summary>
    public void Annotate(ConfigProblem problem, RepoRef repository)
    {
        var (message, file) = problem.IsIn(repository) ? (problem.Message, problem.Path) : (problem.ToString(), null);
        Annotate(problem.Severity == ConfigSeverity.Warning ? "warning" : "error", message, file, problem.Line, problem.Column);
    }

    // On the file (at a line and column when given) when there is one; else on the run.
    private void Annotate(string command, string message, string? file, int? line, int? column)
    {
        var at = file is null ? "" : $" file={EscapeProperty(file)}"
            + (line is { } l ? string.Create(CultureInfo.InvariantCulture, $",line={l}") : "")
            + (column is { } c ? string.Create(CultureInfo.InvariantCulture, $",col={c}") : "");
        output.WriteLine($"::{command}{at}::{EscapeData(message)}");
    }

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
