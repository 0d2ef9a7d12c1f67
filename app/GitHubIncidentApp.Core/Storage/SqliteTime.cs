using System.Globalization;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Times are stored as fixed-width ISO-8601 UTC text with all seven fractional digits: exact to the
/// tick, readable in the sqlite3 shell, and ordered correctly by plain text comparison.
/// </summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(
            text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
