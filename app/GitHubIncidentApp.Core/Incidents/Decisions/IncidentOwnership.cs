using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.OnCall.Routes;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>Who owns an incident as it opens, and the escalation policy frozen for it.</summary>
/// <param name="Owners">People to assign and teams to mention now.</param>
/// <param name="Labels">Extra labels of the route the alerts took.</param>
public sealed record IncidentOwnership(NotifyTargets Owners, IReadOnlyList<string> Labels, EscalationProgress? Escalation, TimeSpan? AckTimeout)
{
    /// <summary>GitHub's limit of assignees per issue.</summary>
    public const int MaxAssignees = 10;

    /// <summary>
    /// The route the group's common labels take (first match) names the owners and may name the policy;
    /// without routes the schedule's on-call people own it and the severity's policy applies. The
    /// policy's first step fires at once, as part of opening, so its people are owners too.
    /// </summary>
    public static IncidentOwnership For(AlertmanagerPayload payload, string severity, IncidentConfig config, DateTimeOffset now)
    {
        var onCall = config.OnCall;
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
            owners.AddRange(frozen.Steps[0].Notify.Select(target => OnCallTargets.Resolve(onCall, target, now)));
            escalation = EscalationDecider.Advance(frozen, now);
        }

        var combined = OnCallTargets.Combine(owners);
        return new IncidentOwnership(
            combined with { Assign = [.. combined.Assign.Take(MaxAssignees)] },
            route?.Labels ?? [],
            escalation,
            onCall?.AckTimeout);
    }
}
