using System.Globalization;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The end of a silence set from the issue (a timed step): while the alerts still fire, the issue says that
/// Alertmanager notifies of them again; either way the silence leaves the state. <c>/unsilence</c> clears it before.
/// </summary>
public static class SilenceDecider
{
    public static IncidentDecision Decide(KnownIncident known, Tick tick, IncidentContext context)
    {
        var state = known.State;
        if (state.Silence is not { } silence || silence.EndsAt > context.Now)
        {
            return IncidentDecision.Nothing;
        }

        var after = state with { Silence = null };
        var update = new UpdateIssue { Marker = after };
        if (!state.IsFiring)
        {
            return new IncidentDecision([update], after);
        }

        var comment = string.Create(CultureInfo.InvariantCulture,
            $"🔔 The silence {CommandDecider.Shown(silence)} set by @{silence.By} ended at {silence.EndsAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC while the incident's alerts still fire: Alertmanager notifies of them again. `/silence <duration>` silences them anew.");
        return new IncidentDecision([new CommentOnIssue(comment), update], after);
    }
}
