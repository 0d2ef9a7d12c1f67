using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// Overrides people take with <c>/oncall take</c>, kept on GitHub in one issue of the repository (so
/// they outlive the app's database and every replica sees them): a table for people, a marker for the app.
/// </summary>
public static partial class OverrideLedger
{
    public const string Label = "oncall-overrides";
    public const string Title = "On-call overrides";

    private const string TimeFormat = "yyyy-MM-ddTHH:mm";

    /// <summary>The overrides in a ledger issue's body; none when it has no readable marker.</summary>
    public static IReadOnlyList<OnCallOverride> Read(string? body)
    {
        var match = MarkerPattern().Match(body ?? "");
        if (!match.Success)
        {
            return [];
        }

        try
        {
            // A person may edit the marker: entries it cannot read are left out, the rest still apply.
            return JsonSerializer.Deserialize<List<Entry?>>(match.Groups["json"].Value)?
                .Where(e => e is { Rotation: not null, User: not null, From: not null, To: not null })
                .Select(e => new OnCallOverride(e!.Rotation, e.User, Parse(e.From), Parse(e.To)))
                .ToList() ?? [];
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return [];
        }
    }

    public static string Render(IReadOnlyList<OnCallOverride> overrides)
    {
        var body = new StringBuilder("Overrides taken with `/oncall take <duration>` on incident issues. They add to the `overrides:` of `.github/incidents.yml`; later ones win. Times are local to each rotation's time zone.\n\n| rotation | who | from | to |\n|---|---|---|---|\n");
        foreach (var entry in overrides)
        {
            body.Append(CultureInfo.InvariantCulture, $"| {entry.Rotation} | @{entry.User} | {Format(entry.From)} | {Format(entry.To)} |\n");
        }

        var json = JsonSerializer.Serialize(overrides.Select(e => new Entry(e.Rotation, e.User, Format(e.From), Format(e.To))));
        return body.Append("\n<!-- incident-app-overrides: ").Append(json).Append(" -->\n").ToString();
    }

    private static string Format(DateTime time) => time.ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTime Parse(string text) => DateTime.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture);

    private sealed record Entry(string Rotation, string User, string From, string To);

    [GeneratedRegex(@"<!-- incident-app-overrides: (?<json>\[.*?\]) -->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();
}
