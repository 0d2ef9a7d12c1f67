using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.OnCall;
using GitHubIncidentApp.Core.OnCall.Routes;

namespace GitHubIncidentApp;

/// <summary>
/// <c>oncall [--repo-dir DIR] [--at TIME] [--labels k=v,...]</c>: who is on call at an instant under the
/// schedule of a local checkout, rotation by rotation and why, and with alert labels, which route they take
/// and whom the app would assign. Computed by the same code as the app, without calling GitHub.
/// </summary>
public static class OnCallCommand
{
    /// <summary>Either side of the instant, for the start and end of the stretch each rotation is in.</summary>
    private static readonly TimeSpan Around = TimeSpan.FromDays(62);

    internal const string Usage = "usage: oncall [--repo-dir DIR] [--at TIME] [--labels NAME=VALUE,...]\n"
        + "  --repo-dir   a checkout of the repository whose .github/incidents.yml holds the schedule (default: the current directory)\n"
        + $"  --at         when to look (default: now): {TimeArgument.Syntax}; local times are in the file's timezone\n"
        + "  --labels     an alert's labels, such as 'namespace=opf-jupyterhub,severity=critical': shows the route they take and whom it assigns";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, TimeProvider? time = null)
    {
        if (CommandArgs.Parse(args, ["--repo-dir", "--at", "--labels"], maxPositional: 0, out var usageError) is not { } parsedArgs)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return 2;
        }

        Dictionary<string, string>? labels = null;
        if (parsedArgs["--labels"] is { } labelText && !TryParseLabels(labelText, out labels))
        {
            await errors.WriteLineAsync($"error: --labels '{labelText}' is not a list of NAME=VALUE pairs separated by commas\n{Usage}");
            return 2;
        }

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repo)
        {
            return 2;
        }

        if (await repo.LoadOnCallAsync(errors) is not { OnCall: { } onCall } config)
        {
            return 1;
        }

        var at = (time ?? TimeProvider.System).GetUtcNow();
        if (parsedArgs["--at"] is { } atText && !TimeArgument.TryParse(atText, onCall.TimeZone, out at))
        {
            await errors.WriteLineAsync($"error: --at '{atText}' is not {TimeArgument.Syntax}");
            return 2;
        }

        await output.WriteLineAsync($"On call at {ScheduleTable.LocalTime(at, onCall.TimeZone)} ({onCall.TimeZone.Id}), {at.UtcDateTime:yyyy-MM-dd'T'HH:mm'Z'}:");
        var nameWidth = onCall.Rotations.Keys.Max(name => name.Length);
        foreach (var rotation in onCall.Rotations.Values)
        {
            await output.WriteLineAsync($"  {rotation.Name.PadRight(nameWidth)}  level {rotation.Level}  {Stretch(onCall, rotation, at)}");
        }

        var answer = OnCallResolver.WhoIsOnCall(onCall, at);
        await output.WriteLineAsync($"Gets an incident without a route: {Describe(answer)}");
        if (labels is not null)
        {
            await WriteRouteAsync(output, config, labels, at);
        }

        return 0;
    }

    /// <summary>Who holds the rotation, from when until when, and why.</summary>
    private static string Stretch(OnCallConfig config, Rotation rotation, DateTimeOffset at)
    {
        var single = config with { Rotations = new Dictionary<string, Rotation> { [rotation.Name] = rotation } };
        var segment = OnCallResolver.Handoffs(single, at - Around, at + Around).First(s => s.Start <= at && at < s.End);
        var note = ScheduleTable.Note(segment.Occupant);
        return $"{ScheduleTable.People(segment.Occupant)}, {ScheduleTable.LocalTime(segment.Start, config.TimeZone)} to {ScheduleTable.LocalTime(segment.End, config.TimeZone)}"
            + (note.Length > 0 ? $" [{note}]" : " [shift]");
    }

    private static string Describe(OnCallAnswer answer) => answer.Entries.Count == 0
        ? "nobody (no rotation is on call and when_empty is not set)"
        : string.Join(", ", answer.Entries.Select(entry => entry.Origin switch
        {
            OnCallOrigin.WhenEmpty => $"{(entry.IsTeam ? "@" : "")}{entry.Who} (when_empty)",
            OnCallOrigin.Override => $"{entry.Who} ({entry.Rotation}, oncall.overrides[{entry.OverrideIndex}])",
            _ => $"{entry.Who} ({entry.Rotation})",
        }));

    /// <summary>The route as the app picks it for an alert group whose common labels are <paramref name="labels"/>.</summary>
    private static async Task WriteRouteAsync(TextWriter output, IncidentConfig config, Dictionary<string, string> labels, DateTimeOffset at)
    {
        await output.WriteLineAsync($"Alert labels {string.Join(", ", labels.Select(label => $"{label.Key}=\"{label.Value}\""))}:");
        var (route, index) = new RouteTable(config.Routes).Match(labels);
        // The alert group as the app would receive it: its severity and owners are decided by the app's own rules.
        var payload = Payload(labels);
        var severityName = SeverityResolver.GroupLevel(payload.Alerts, config.Severity).Name;
        await output.WriteLineAsync(route is null
            ? config.Routes.Count == 0
                ? "  route: the file has no routes, so the schedule's on-call people own it"
                : "  route: none matches (there is no catch-all route), so the schedule's on-call people own it"
            : $"  route: routes[{index}] matchers {(route.IsCatchAll ? "{} (catch-all)" : route.Matchers.ToString())}, assign [{string.Join(", ", route.Assign)}]"
                + (route.Labels.Count > 0 ? $", labels [{string.Join(", ", route.Labels)}]" : ""));

        var ownership = IncidentOwnership.For(payload, severityName, config, at);
        var policy = ownership.Escalation?.Policy ?? (route?.Escalation == Core.OnCall.Routes.Route.NoEscalation ? "none (from the route)" : $"none (severity {severityName})");
        await output.WriteLineAsync($"  severity: {severityName}, escalation policy: {policy}");
        await output.WriteLineAsync($"  assigns: {(ownership.Owners.Assign.Count == 0 ? "nobody" : string.Join(", ", ownership.Owners.Assign))}"
            + (ownership.Owners.Mention.Count == 0 ? "" : $"; mentions: {string.Join(", ", ownership.Owners.Mention)}"));
    }

    /// <summary>A firing group of one alert with these labels, which is all that routing looks at.</summary>
    private static AlertmanagerPayload Payload(Dictionary<string, string> labels) => new()
    {
        Version = "4",
        GroupKey = "oncall-command",
        Status = AlertStatus.Firing,
        Receiver = "oncall-command",
        GroupLabels = labels,
        CommonLabels = labels,
        CommonAnnotations = new Dictionary<string, string>(),
        ExternalUrl = "",
        Alerts = [new Alert { Status = AlertStatus.Firing, Labels = labels, Annotations = new Dictionary<string, string>(), StartsAt = DateTimeOffset.UnixEpoch, Fingerprint = "0" }],
    };

    private static bool TryParseLabels(string text, out Dictionary<string, string> labels)
    {
        labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            labels[pair[..equals].Trim()] = pair[(equals + 1)..].Trim().Trim('"');
        }

        return labels.Count > 0;
    }
}
