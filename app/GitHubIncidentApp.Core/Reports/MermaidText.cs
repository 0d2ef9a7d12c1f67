using System.Text;

namespace GitHubIncidentApp.Core.Reports;

/// <summary>
/// Text put inside a Mermaid block. Alert names come from whoever writes alert rules, so a label keeps only letters, digits
/// and a few harmless marks: no quote can end the label, no backtick can end the code block, no newline can start a
/// directive (<c>%%{init}</c>, a click handler), and no <c>&lt;</c> or <c>&amp;</c> reaches Mermaid's HTML labels.
/// </summary>
public static class MermaidText
{
    /// <summary>Long names are cut so a chart's legend stays readable.</summary>
    public const int MaxLength = 40;

    private const string Kept = " -_./=+()";

    /// <summary>A label for inside double quotes: every other character becomes <c>_</c>.</summary>
    public static string Label(string text)
    {
        var result = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var c in text.Trim())
        {
            if (result.Length == MaxLength)
            {
                result.Length = MaxLength - 1;
                result.Append('…');
                break;
            }

            result.Append(char.IsLetterOrDigit(c) || Kept.Contains(c, StringComparison.Ordinal) ? c : '_');
        }

        return result.Length == 0 ? "(none)" : result.ToString();
    }

    /// <summary><paramref name="text"/> as a quoted Mermaid string.</summary>
    public static string Quoted(string text) => $"\"{Label(text)}\"";
}
