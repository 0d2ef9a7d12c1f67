using System.Globalization;
using System.Text;

namespace GitHubIncidentApp.Core.Metrics;

/// <summary>Writes the Prometheus text exposition format, version 0.0.4.</summary>
public sealed class MetricsText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly StringBuilder _text = new();

    /// <summary>The <c># HELP</c> and <c># TYPE</c> lines that open a metric family.</summary>
    public MetricsText Family(string name, string type, string help)
    {
        _text.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
        _text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        return this;
    }

    /// <param name="labels">Already written by <see cref="Labels"/>; empty for none.</param>
    public MetricsText Sample(string name, string labels, double value)
    {
        _text.Append(name).Append(labels).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return this;
    }

    /// <summary><c>{name="value",...}</c>, values escaped; empty when there are no labels.</summary>
    public static string Labels(IReadOnlyList<string> names, IReadOnlyList<string> values) =>
        names.Count == 0 ? "" : "{" + string.Join(',', names.Select((name, i) => $"{name}=\"{EscapeLabelValue(values[i])}\"")) + "}";

    /// <summary>In label values a backslash, a double quote and a line feed are escaped.</summary>
    public static string EscapeLabelValue(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    /// <summary>In help text only a backslash and a line feed are escaped.</summary>
    private static string EscapeHelp(string help) =>
        help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    public override string ToString() => _text.ToString();
}
