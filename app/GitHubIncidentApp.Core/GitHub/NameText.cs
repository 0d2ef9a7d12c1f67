using System.Globalization;
using System.Text;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A name from outside, fit to quote in an error or a log line: control and format characters escaped, long ones cut.</summary>
public static class NameText
{
    private const int MaxShown = 120;

    public static string Shown(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > MaxShown ? text[..MaxShown] : text)
        {
            _ = c switch
            {
                '\n' => shown.Append("\\n"),
                '\r' => shown.Append("\\r"),
                '\t' => shown.Append("\\t"),
                _ when char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate
                    => shown.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => shown.Append(c),
            };
        }

        return text.Length > MaxShown ? shown.Append("...").ToString() : shown.ToString();
    }
}
