using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.OnCall.Routes;
using GitHubIncidentApp.Core.Reports;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Turns incident states (read from the app's own markers only) into the plain facts a report is computed from: the
/// route that owns each incident as the config decides, who its escalation paged, and who was on call in the period.
/// </summary>
public static class ReportFacts
{
    /// <summary>The group label that names an alert, as Prometheus writes it.</summary>
    public const string AlertNameLabel = "alertname";

    public static ReportInput From(IReadOnlyList<(IssueSnapshot Issue, IncidentState State)> incidents, IncidentConfig config, ReportPeriod period)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(period);
        var routes = new RouteTable(config.Routes);
        return new ReportInput(
            [.. incidents.Where(i => i.State.Key != StormDecider.Key).Select(i => Incident(i.Issue.Number, i.State, config, routes))],
            [.. incidents.Where(i => i.State is { Key: StormDecider.Key, Storm: not null }).Select(i => Storm(i.Issue.Number, i.State))],
            config.OnCall is { } onCall ? Shifts(onCall, period) : [],
            [.. config.Severity.Levels.Select(level => level.Name)]);
    }

    private static ReportIncident Incident(int issue, IncidentState state, IncidentConfig config, RouteTable routes) => new()
    {
        Issue = issue,
        Name = Name(state),
        Severity = state.Severity,
        Route = Route(routes, state.GroupLabels),
        StartedAt = state.StartedAt,
        AcknowledgedAt = state.Acknowledged?.At,
        ResolvedAt = state.IsFiring ? null : state.ResolvedAt,
        Flaps = state.Flaps?.Times ?? [],
        FlappingSince = state.Flaps?.Since,
        Pages = Pages(state, config),
        Steps = [.. state.Timeline.Where(IsEscalation).Select(entry => new ReportStep(entry.At, state.Escalation?.Policy ?? "(unknown)"))],
    };

    private static ReportStorm Storm(int issue, IncidentState state) =>
        new(issue, state.StartedAt, state.IsFiring ? null : state.ResolvedAt, state.Storm!.Groups);

    /// <summary>The group's <c>alertname</c>, else its labels; an incident keyed by other labels is named by them.</summary>
    private static string Name(IncidentState state) =>
        state.GroupLabels.TryGetValue(AlertNameLabel, out var name) && name.Length > 0 ? name
        : state.GroupLabels.Count > 0 ? string.Join(" ", state.GroupLabels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))
        : state.Key;

    /// <summary>
    /// The first route whose matchers hold on the group's labels (the marker keeps the group labels, which every alert of
    /// the group shares), named by whom it assigns.
    /// </summary>
    private static string Route(RouteTable routes, IReadOnlyDictionary<string, string> labels)
    {
        var (route, index) = routes.Match(labels);
        return route is null ? ReportIncident.NoRoute
            : route.Assign.Count > 0 ? string.Join(", ", route.Assign)
            : $"routes[{index}]";
    }

    private static bool IsEscalation(TimelineEntry entry) => entry is { Kind: "escalation", By.Length: 0 };

    /// <summary>
    /// Who was paged: the people each recorded step named (the text the escalation wrote: "... policy: @a, @b"), and the
    /// policy's first step, which fires as part of opening and is not recorded (unless a maintenance window held it back,
    /// when it fired later as a recorded step 1), resolved under the schedule at the start.
    /// </summary>
    private static IReadOnlyList<ReportPage> Pages(IncidentState state, IncidentConfig config)
    {
        var pages = new List<ReportPage>();
        if (state.Escalation is { Steps: [var first, ..] } escalation
            && !state.Timeline.Any(entry => IsEscalation(entry) && entry.Text.StartsWith($"step 1 of {escalation.Steps.Count} of ", StringComparison.Ordinal)))
        {
            pages.AddRange(first.Notify.SelectMany(target => OnCallTargets.Resolve(config.OnCall, target, state.StartedAt).Assign)
                .Distinct(StringComparer.OrdinalIgnoreCase).Select(person => new ReportPage(state.StartedAt, person)));
        }

        foreach (var entry in state.Timeline.Where(IsEscalation))
        {
            var at = entry.Text.LastIndexOf(" policy: ", StringComparison.Ordinal);
            var named = at < 0 ? [] : entry.Text[(at + " policy: ".Length)..].Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            pages.AddRange(named.Where(name => name.StartsWith('@') && !name.Contains('/', StringComparison.Ordinal)).Select(name => new ReportPage(entry.At, name[1..])));
        }

        return pages;
    }

    /// <summary>Each person's stretches on call in the period, from every rotation (overrides included).</summary>
    private static IReadOnlyList<ReportShift> Shifts(OnCallConfig onCall, ReportPeriod period) =>
        [.. OnCallResolver.Handoffs(onCall, period.From, period.To)
            .SelectMany(segment => segment.Occupant.People.Select(person => new ReportShift(person, segment.Start, segment.End)))];
}
