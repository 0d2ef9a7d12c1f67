using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>What reconciliation with Alertmanager covers.</summary>
public sealed record ReconcileScope
{
    /// <summary>Where a group's incident goes when its alerts name no repository.</summary>
    public required RepoRef DefaultRepo { get; init; }

    /// <summary>Only this receiver's groups open and update incidents; null: every receiver's.</summary>
    public string? Receiver { get; init; }

    /// <summary>The Alertmanager the groups were read from, as deliveries name it in <c>externalURL</c>.</summary>
    public required string ExternalUrl { get; init; }
}

/// <summary>The firing delivery reconciliation makes for one incident.</summary>
public sealed record GroupDelivery(RepoRef Repo, string Key, AlertmanagerPayload Payload);

/// <summary>
/// The pure part of reconciliation: from the alert groups Alertmanager holds now, the deliveries to make and
/// the incidents that count as still present. Alertmanager lists a group once per receiver; groups of other
/// receivers never open anything but still keep their incidents from being resolved, and so do silenced,
/// inhibited and not yet processed alerts: only alerts Alertmanager no longer holds at all are gone.
/// </summary>
public sealed record ReconciliationPlan
{
    /// <summary>One per incident key, so a group listed for several receivers is delivered once.</summary>
    public required IReadOnlyList<GroupDelivery> Deliveries { get; init; }

    /// <summary>Repositories whose open incidents are checked; the default one and those this receiver's groups go to.</summary>
    public required IReadOnlyList<RepoRef> Repos { get; init; }

    /// <summary>Groups that could not be placed, each saying why and how to fix it.</summary>
    public required IReadOnlyList<string> Problems { get; init; }

    private IReadOnlySet<(RepoRef Repo, string Key)> Present { get; init; } = new HashSet<(RepoRef, string)>();

    /// <summary>The repositories the groups go to; their settings decide the incident keys.</summary>
    public static IReadOnlyList<RepoRef> TargetRepos(IEnumerable<AlertGroup> groups, ReconcileScope scope) =>
        [.. groups.Select(g => Target(g, scope).Repo).OfType<RepoRef>().Prepend(scope.DefaultRepo).Distinct()];

    /// <param name="configOf">The settings of each repository <see cref="TargetRepos"/> named.</param>
    public static ReconciliationPlan Build(IEnumerable<AlertGroup> groups, ReconcileScope scope, Func<RepoRef, IncidentConfig> configOf)
    {
        var present = new HashSet<(RepoRef, string)>();
        var repos = new List<RepoRef> { scope.DefaultRepo };
        var problems = new List<string>();
        var firing = new Dictionary<(RepoRef Repo, string Key), (AlertGroup Group, List<GroupAlert> Alerts)>();
        foreach (var group in groups)
        {
            var ours = scope.Receiver is null || group.Receiver.Name == scope.Receiver;
            var (repo, all, problem) = Target(group, scope);
            if (repo is null)
            {
                if (ours)
                {
                    problems.Add($"The alert group {all.GroupKey} was skipped: {problem}.");
                }

                continue;
            }

            var keyLabels = configOf(repo).IncidentKeyLabels;
            present.Add((repo, IncidentKey.Derive(repo, all, keyLabels)));
            var active = group.Alerts.Where(a => a.IsActive).ToList();
            if (!ours || active.Count == 0)
            {
                continue;
            }

            if (!repos.Contains(repo))
            {
                repos.Add(repo);
            }

            // Active alerts alone may share other common labels than the whole group, hence another key.
            var key = IncidentKey.Derive(repo, AlertGroupPayload.Firing(group, active, scope.ExternalUrl), keyLabels);
            present.Add((repo, key));
            if (firing.TryGetValue((repo, key), out var same))
            {
                same.Alerts.AddRange(active.Where(a => same.Alerts.All(known => known.Fingerprint != a.Fingerprint)));
            }
            else
            {
                firing[(repo, key)] = (group, active);
            }
        }

        return new ReconciliationPlan
        {
            Deliveries = [.. firing.Select(pair => new GroupDelivery(pair.Key.Repo, pair.Key.Key, AlertGroupPayload.Firing(pair.Value.Group, pair.Value.Alerts, scope.ExternalUrl)))],
            Repos = repos,
            Problems = problems,
            Present = present,
        };
    }

    /// <summary>Whether <paramref name="incident"/> follows alerts that Alertmanager no longer holds in any group.</summary>
    /// <remarks>The storm ledger is no alert group: it ends when its groups do.</remarks>
    public bool IsGone(RepoRef repo, TrackedIncident incident) =>
        incident.State.Storm is null && (incident.State.IsFiring || incident.State.Firing.Count > 0) && !Present.Contains((repo, incident.Key));

    /// <summary>
    /// The resolved delivery Alertmanager would have sent for a gone incident, built from what its marker
    /// knows: the group labels and the fingerprints that fired.
    /// </summary>
    public static AlertmanagerPayload Resolved(IncidentState state, ReconcileScope scope, DateTimeOffset now) => new()
    {
        Version = AlertmanagerPayloadParser.SupportedVersion,
        GroupKey = state.Key,
        Status = AlertStatus.Resolved,
        Receiver = scope.Receiver ?? "",
        GroupLabels = state.GroupLabels,
        CommonLabels = state.GroupLabels,
        CommonAnnotations = new Dictionary<string, string>(),
        ExternalUrl = scope.ExternalUrl,
        Alerts = [.. state.Firing.Select(fingerprint => new Alert
        {
            Status = AlertStatus.Resolved,
            Labels = state.GroupLabels,
            Annotations = new Dictionary<string, string>(),
            StartsAt = state.StartedAt,
            EndsAt = now,
            Fingerprint = fingerprint,
        })],
    };

    private static (RepoRef? Repo, AlertmanagerPayload All, string? Problem) Target(AlertGroup group, ReconcileScope scope)
    {
        var all = AlertGroupPayload.Firing(group, group.Alerts, scope.ExternalUrl);
        var (repo, problem, _) = TargetRepository.Resolve(all, fromUrl: null, scope.DefaultRepo);
        return (repo, all, problem);
    }
}
