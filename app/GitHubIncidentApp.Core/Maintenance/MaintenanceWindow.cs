using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.Alerts.Matchers;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>
/// A <c>maintenance:</c> entry of <c>.github/incidents.yml</c>: the alerts its <see cref="Matchers"/> select are
/// expected to fire during its occurrences, so they are silenced ahead of time and incidents opened then do not escalate.
/// </summary>
public abstract record MaintenanceWindow
{
    /// <summary>Never empty, and at least one matcher does not match the empty string (as Alertmanager requires of a silence).</summary>
    public required MatcherSet Matchers { get; init; }

    /// <summary>
    /// A short digest of what the window is (its matchers and times), the same on every replica and after a restart:
    /// silences carry it, so a changed window is a new one and an unchanged one is found again.
    /// </summary>
    public string Id => Digest($"{Canonical()}|{string.Join(",", Matchers.Matchers.Select(m => m.ToString()).Order(StringComparer.Ordinal))}");

    /// <summary>The occurrences that overlap <c>[from, to)</c>, in order.</summary>
    public abstract IEnumerable<MaintenanceOccurrence> Occurrences(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The occurrence under way at <paramref name="at"/>, if any.</summary>
    public MaintenanceOccurrence? OccurrenceAt(DateTimeOffset at) => Occurrences(at, at.AddTicks(1)).FirstOrDefault();

    /// <summary>When it recurs, as people wrote it: <c>sat 02:00–04:00 Europe/Berlin</c>.</summary>
    public abstract string Schedule { get; }

    /// <summary>The matchers and the schedule, for silence comments and issues.</summary>
    public sealed override string ToString() => $"{Matchers} {Schedule}";

    /// <summary>The times alone, exactly (instants, zone ids), for <see cref="Id"/>.</summary>
    private protected abstract string Canonical();

    private protected static string Clock(TimeSpan time) => string.Create(CultureInfo.InvariantCulture, $"{(int)time.TotalHours:00}:{time.Minutes:00}");

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
}

/// <summary>One stretch of time a window covers, as instants.</summary>
public sealed record MaintenanceOccurrence(MaintenanceWindow Window, DateTimeOffset Start, DateTimeOffset End)
{
    public bool Contains(DateTimeOffset at) => Start <= at && at < End;
}
