using System.Globalization;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>A silence as Alertmanager lists it (<c>GET /api/v2/silences</c>), whoever made it and in whatever state.</summary>
public sealed record ExistingSilence(string Id, IReadOnlyList<Matcher> Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Comment)
{
    public static ExistingSilence Of(Silence silence) => new(silence.Id, silence.Matchers, silence.StartsAt, silence.EndsAt, silence.Comment);
}

/// <summary>A silence to create (<c>POST /api/v2/silences</c>) for one occurrence of a window.</summary>
/// <param name="Comment">Says which window of which repository it is for, and ends with its <see cref="MaintenanceTag"/>.</param>
public sealed record PlannedSilence(MatcherSet Matchers, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string CreatedBy, string Comment);

/// <summary>What to do in Alertmanager so it silences the windows of one repository: create these, expire those (by id).</summary>
public sealed record MaintenancePlan(IReadOnlyList<PlannedSilence> Create, IReadOnlyList<string> Expire)
{
    public bool IsEmpty => Create.Count == 0 && Expire.Count == 0;
}

/// <summary>
/// The identity of a window's occurrence, written at the end of its silence's comment: the repository, the window's
/// <see cref="MaintenanceWindow.Id"/> and the occurrence's start. Whoever plans next (after a restart, on another
/// replica) reads it back from Alertmanager and creates nothing twice.
/// </summary>
public sealed partial record MaintenanceTag(string Repository, string Window, DateTimeOffset Start)
{
    public static MaintenanceTag Of(RepoRef repo, MaintenanceOccurrence occurrence) =>
        new(repo.ToString().ToLowerInvariant(), occurrence.Window.Id, occurrence.Start.ToUniversalTime());

    /// <summary>The tag a comment ends with; null for silences the app did not plan (people's own, <c>/silence</c>).</summary>
    public static MaintenanceTag? Find(string comment)
    {
        var match = TagPattern().Match(comment);
        return match.Success && DateTimeOffset.TryParseExact(match.Groups[3].Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            ? new MaintenanceTag(match.Groups[1].Value.ToLowerInvariant(), match.Groups[2].Value, start)
            : null;
    }

    public bool IsOf(RepoRef repo) => string.Equals(Repository, repo.ToString(), StringComparison.OrdinalIgnoreCase);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[incident-app maintenance repo={Repository} window={Window} start={Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}]");

    [GeneratedRegex(@"\[incident-app maintenance repo=([A-Za-z0-9._-]+/[A-Za-z0-9._-]+) window=([0-9a-f]{12}) start=([0-9T:Z-]{20})\]\s*$")]
    private static partial Regex TagPattern();
}
