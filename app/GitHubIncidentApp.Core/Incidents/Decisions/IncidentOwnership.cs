using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Maintenance;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.OnCall.Routes;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>Who owns an incident as it opens, and the escalation policy frozen for it.</summary>
/// <param name="Owners">People to assign and teams to mention now.</param>
/// <param name="Labels">Extra labels of the route the alerts took.</param>
public sealed record IncidentOwnership(NotifyTargets Owners, IReadOnlyList<string> Labels, EscalationProgress? Escalation, TimeSpan? AckTimeout)
{
    /// <summary>The maintenance window the group opened in, if any: its escalation waits until the window ends.</summary>
    public MaintenanceOccurrence? Maintenance { get; init; }

    /// <summary>GitHub's limit of assignees per issue.</summary>
    public const int MaxAssignees = 10;

    /// <summary>
    /// The route the group's common labels take (first match) names the owners and may name the policy;
    /// without routes the schedule's on-call people own it and the severity's policy applies. The
    /// policy's first step fires at once, as part of opening, so its people are owners too; in a maintenance
    /// window, that first step is due when the window ends instead, so nobody is paged for work that was planned.
    /// </summary>
    public static IncidentOwnership For(AlertmanagerPayload payload, string severity, IncidentConfig config, DateTimeOffset now)
    {
        var onCall = config.OnCall;
        var maintenance = ActiveMaintenance.For(config.Maintenance, payload.CommonLabels, now);
        var (route, _) = new RouteTable(config.Routes).Match(payload.CommonLabels);
        var policy = route?.Escalation switch
        {
            Route.NoEscalation => null,
            { } name => onCall?.Policies.GetValueOrDefault(name),
            null => onCall?.PolicyFor(severity),
        };

        var owners = new List<NotifyTargets>();
        if (route is not null)
        {
            owners.AddRange(route.Assign.Select(target => OnCallTargets.Resolve(onCall, target, now)));
        }
        else if (onCall is not null)
        {
            var answer = OnCallResolver.WhoIsOnCall(onCall, now);
            owners.Add(new NotifyTargets(answer.Assignees, answer.Mentions));
        }

        EscalationProgress? escalation = null;
        if (policy is { Steps.Count: > 0 })
        {
            var frozen = new EscalationProgress
            {
                Policy = policy.Name,
                Steps = [.. policy.Steps.Select(step => new EscalationStepPlan([.. step.Notify.Select(OnCallTargets.Write)], step.Wait))],
                Repeat = policy.Repeat,
            };
            if (maintenance is not null)
            {
                escalation = frozen with { DueAt = maintenance.End };
            }
            else
            {
                owners.AddRange(frozen.Steps[0].Notify.Select(target => OnCallTargets.Resolve(onCall, target, now)));
                escalation = EscalationDecider.Advance(frozen, now);
            }
        }

        var combined = OnCallTargets.Combine(owners);
        return new IncidentOwnership(
            combined with { Assign = [.. combined.Assign.Take(MaxAssignees)] },
            route?.Labels ?? [],
            escalation,
            onCall?.AckTimeout) { Maintenance = maintenance };
    }
}
