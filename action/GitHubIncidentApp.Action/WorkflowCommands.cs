using System.Globalization;

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

    public void Error(string message, string file, int line, int column) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"::error file={EscapeProperty(file)},line={line},col={column}::{EscapeData(message)}"));

    public void Warning(string message) => output.WriteLine($"::warning::{EscapeData(message)}");

    public void Notice(string message) => output.WriteLine($"::notice::{EscapeData(message)}");

    public void Debug(string message) => output.WriteLine($"::debug::{EscapeData(message)}");

    public void Info(string message) => output.WriteLine(message);

    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
