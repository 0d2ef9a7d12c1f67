using GitHubIncidentApp.Core.Alerts;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// What a delivery changes in a group's set of firing alerts. An alert that is not listed at all
/// has ended only when Alertmanager cut nothing: with <c>truncatedAlerts</c> it may just not fit.
/// </summary>
public sealed record AlertDiff(
    IReadOnlyList<string> Firing,
    IReadOnlyList<Alert> Started,
    IReadOnlyList<Alert> Ended,
    int Vanished)
{
    public bool ChangesAlerts => Started.Count > 0 || Ended.Count > 0 || Vanished > 0;

    public static AlertDiff Between(IReadOnlyList<string> firingBefore, AlertmanagerPayload payload)
    {
        var before = firingBefore.ToHashSet(StringComparer.Ordinal);
        var listed = payload.Alerts.Select(a => a.Fingerprint).ToHashSet(StringComparer.Ordinal);
        var started = payload.Alerts.Where(a => a.IsFiring && !before.Contains(a.Fingerprint)).ToList();
        var ended = payload.Alerts.Where(a => !a.IsFiring && before.Contains(a.Fingerprint)).ToList();
        var vanished = payload.TruncatedAlerts == 0 ? before.Where(fp => !listed.Contains(fp)).ToList() : [];

        var firing = before
            .Except(ended.Select(a => a.Fingerprint))
            .Except(vanished)
            .Union(started.Select(a => a.Fingerprint))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new AlertDiff(firing, started, ended, vanished.Count);
    }
}
