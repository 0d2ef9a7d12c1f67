using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Alerts.Matchers;
using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>What <c>/silence</c> and <c>/unsilence</c> need beyond the command: whether Alertmanager is reachable, and the issue's URL.</summary>
/// <param name="Off">Why silences cannot be made here (what to set); null when they can.</param>
/// <param name="IssueUrl">The silence's comment: where people find why it was set.</param>
public sealed record SilenceInputs(string? Off, string IssueUrl);

/// <summary>
/// What a comment asks of Alertmanager: the operations (create, then expire the silence it replaces) and the place of
/// the command's line in the reply, written once Alertmanager has answered.
/// </summary>
public sealed record SilencePlan(IReadOnlyList<IssueOperation> Operations, int Outcome)
{
    /// <summary>The silence to create; null for <c>/unsilence</c>.</summary>
    public SilenceRequest? Request => Operations.OfType<CreateSilence>().FirstOrDefault()?.Request;

    /// <summary>The silence this plan ends: the one <c>/unsilence</c> ends, or the one a new <c>/silence</c> replaces.</summary>
    public ActiveSilence? Ended { get; init; }

    /// <summary>Whether the responder gave matchers, which only narrow the group labels' silence.</summary>
    public bool Narrowed { get; init; }
}

/// <summary>What Alertmanager did with a <see cref="SilencePlan"/>.</summary>
public sealed record SilenceResult
{
    /// <summary>The created silence's id; null when none was created.</summary>
    public string? CreatedId { get; init; }

    /// <summary>Alertmanager's page of the created silence.</summary>
    public string CreatedUrl { get; init; } = "";

    /// <summary>True when the silence to end was in force and ended now; false when it had already ended.</summary>
    public bool? Ended { get; init; }

    /// <summary>What went wrong, from the first call that failed (those after it were not made).</summary>
    public string? Failure { get; init; }
}

// /silence and /unsilence: decided like every command, then settled once Alertmanager has answered, since a new
// silence's id, which the marker keeps and the reply links to, exists only then.
public static partial class CommandDecider
{
    private const string Pending = "…";
    private const string OnePerComment = "a comment may hold one `/silence` or `/unsilence`; write the next in another comment";

    private static (bool, string) Silence(Working work, SilenceCommand command, string person, DateTimeOffset now)
    {
        if (work.Silences.Off is { } off)
        {
            return (false, off);
        }

        if (work.Silence is not null)
        {
            return (false, OnePerComment);
        }

        var labels = work.State.GroupLabels;
        if (labels.Count == 0)
        {
            return (false, "this incident has no group labels (its Alertmanager route groups by no label), and a silence from an issue only ever covers its group's labels; silence it in Alertmanager's UI");
        }

        // The group labels always bound the silence: a responder's matchers are added, never in their place, so nobody
        // with a role in one repository silences the alerts of another that shares the Alertmanager.
        var request = new SilenceRequest
        {
            Matchers = [.. labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => Matcher.Create(label.Key, MatchOperator.Equal, label.Value).Value!), .. command.Narrowing],
            StartsAt = now,
            EndsAt = now + command.Duration,
            CreatedBy = person,
            Comment = work.Silences.IssueUrl,
        };
        var replaced = work.State.Silence is { } old && old.EndsAt > now ? old : null;
        work.Silence = new SilencePlan([new CreateSilence(request), .. replaced is null ? Array.Empty<IssueOperation>() : [new ExpireSilence(replaced.Id)]], work.Index)
        {
            Ended = replaced,
            Narrowed = command.Narrowing.Count > 0,
        };
        work.State = work.State with { Silence = new ActiveSilence("", request.EndsAt, person) };
        return (true, Pending);
    }

    private static (bool, string) Unsilence(Working work, DateTimeOffset now)
    {
        if (work.Silence is not null)
        {
            return (false, OnePerComment);
        }

        if (work.State.Silence is not { } active)
        {
            return (true, "No silence set from this issue is in force.");
        }

        if (active.EndsAt <= now)
        {
            work.State = work.State with { Silence = null };
            return (true, $"The silence {Shown(active)} had already ended.");
        }

        if (work.Silences.Off is { } off)
        {
            return (false, off);
        }

        work.Silence = new SilencePlan([new ExpireSilence(active.Id)], work.Index) { Ended = active };
        work.State = work.State with { Silence = null };
        return (true, Pending);
    }

    /// <summary>
    /// The decision once Alertmanager has applied its <see cref="CommentDecision.Silence"/> plan: the new silence's id in
    /// the state (and so in the marker and the index), the command's line of the reply, or, when Alertmanager failed, the
    /// silence as it was before the comment.
    /// </summary>
    public static CommentDecision Settle(CommentDecision decision, SilenceResult result, IncidentState before)
    {
        var plan = decision.Silence ?? throw new ArgumentException("The decision has no silence to settle.", nameof(decision));
        var state = decision.State;
        (bool Ok, string Message) line;
        if (plan.Request is { } request)
        {
            line = result.CreatedId is { } id
                ? (true, Created(plan, request, id, result))
                : (false, $"Alertmanager did not take the silence: {result.Failure}");
            state = state with { Silence = result.CreatedId is { } created ? state.Silence! with { Id = created, Url = result.CreatedUrl } : before.Silence };
        }
        else
        {
            var ended = plan.Ended!;
            line = result.Failure is { } failure ? (false, $"The silence {Shown(ended)} could not be ended: {failure}")
                : result.Ended == true ? (true, $"Ended the silence {Shown(ended)} in Alertmanager: the incident's alerts notify again.")
                : (true, $"The silence {Shown(ended)} had already ended in Alertmanager.");
            state = result.Failure is null ? state : state with { Silence = before.Silence };
        }

        var outcomes = decision.Outcomes.ToList();
        outcomes[plan.Outcome] = outcomes[plan.Outcome] with { Succeeded = line.Ok, Message = line.Message };
        return decision with
        {
            Operations = [.. decision.Operations.Select(op => op is UpdateIssue update ? update with { Marker = state == before ? null : state } : op).Where(op => !IsEmpty(op))],
            State = state,
            Outcomes = outcomes,
            StateChanged = state != before,
        };
    }

    private static string Created(SilencePlan plan, SilenceRequest request, string id, SilenceResult result)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Silenced in Alertmanager for {DurationText.Format(request.EndsAt - request.StartsAt)}, until {request.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: silence [`{Short(id)}`]({result.CreatedUrl}) matching `{new MatcherSet(request.Matchers).ToString().Replace('`', '\'')}`.");
        if (plan.Narrowed)
        {
            text += " Your matchers only narrow it: a silence from an issue always keeps the incident's group labels, so it never reaches other alerts.";
        }

        if (plan.Ended is { } replaced)
        {
            text += result.Failure is { } failure
                ? $" ⚠️ The earlier silence {Shown(replaced)} could not be ended: {failure}"
                : $" It replaces the earlier silence {Shown(replaced)}.";
        }

        return text + " If the alerts still fire when it ends, this issue says so.";
    }

    private static bool IsEmpty(IssueOperation operation) =>
        operation is UpdateIssue { Open: null, Marker: null, AddLabels.Count: 0, RemoveLabels.Count: 0 };

    private static string Short(string id) => id.Length > 8 ? id[..8] : id;

    /// <summary>A silence named in a reply or comment: its short id, linked to Alertmanager's page when known.</summary>
    internal static string Shown(ActiveSilence silence) =>
        silence.Url.Length > 0 ? $"[`{Short(silence.Id)}`]({silence.Url})" : $"`{Short(silence.Id)}`";
}
