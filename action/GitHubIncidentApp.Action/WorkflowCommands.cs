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

    /// <summary>An error on <paramref name="file"/> (at a line and column when given); without a file, on the run.</summary>
    public void Error(string message, string? file, int? line, int? column) => Annotate("error", message, file, line, column);

    public void Warning(string message) => output.WriteLine($"::warning::{EscapeData(message)}");

    /// <summary>A warning on <paramref name="file"/> (at a line and column when given); without a file, on the run.</summary>
    public void Warning(string message, string? file, int? line, int? column) => Annotate("warning", message, file, line, column);

    public void Notice(string message) => output.WriteLine($"::notice::{EscapeData(message)}");

    public void Debug(string message) => output.WriteLine($"::debug::{EscapeData(message)}");

    public void Info(string message) => output.WriteLine(message);

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
