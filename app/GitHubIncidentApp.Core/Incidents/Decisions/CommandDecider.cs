using GitHubIncidentApp.Core.Commands;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// What slash commands do to an incident. The commands of one comment apply in order to a working copy
/// of the incident, and what they change is folded into one update, so a comment with three commands
/// costs no more calls than one with one.
/// </summary>
public static partial class CommandDecider
{
    public static CommentDecision Decide(KnownIncident known, CommentCommands input, IncidentContext context)
    {
        var (comment, commands, permission) = input;
        var config = context.Config;
        var work = new Working(known.State, comment.Issue.IsOpen, comment.Issue.Labels, comment.Issue.Assignees, context.Taken)
        {
            Context = context,
            Silences = new SilenceInputs(context.SilencesOff, comment.Issue.HtmlUrl is { Length: > 0 } url ? url : $"{context.Repo}#{known.IssueNumber}"),
        };
        var commandContext = CommandContext.For(comment.Sender.Login, config);
        var outcomes = new List<CommandOutcome>();
        foreach (var line in commands)
        {
            var typed = $"/{line.Name}{(line.Arguments.Length > 0 ? " " + line.Arguments : "")}";
            var bound = CommandCatalog.Bind(line, commandContext);
            if (bound is CommandError error)
            {
                outcomes.Add(new CommandOutcome(typed, false, error.Message));
                continue;
            }

            var needed = CommandCatalog.RequiredPermission(line.Name, config.CommandPermissions);
            work.Index = outcomes.Count;
            outcomes.Add(permission < needed
                ? new CommandOutcome(typed, false, $"`/{line.Name}` needs the **{Name(needed)}** role; @{comment.Sender.Login} has **{Name(permission)}**.")
                : Apply((BoundCommand)bound, typed, work, comment.Sender.Login, permission, config, context.Now));
        }

        return new CommentDecision(work.Operations(known.State, config), work.State, outcomes, work.Assign)
        {
            StateChanged = work.State != known.State,
            CommentId = comment.CommentId,
            Ignored = commands.IgnoredCount,
            Splits = work.Splits,
            Silence = work.Silence,
        };
    }

    private static CommandOutcome Apply(BoundCommand command, string typed, Working work, string person, RepoPermission permission, IncidentConfig config, DateTimeOffset now)
    {
        var state = work.State;
        (bool Ok, string Message) result = command switch
        {
            AckCommand when !state.IsFiring => (false, "The incident is resolved; there is nothing to acknowledge."),
            AckCommand when state.Acknowledged is { } ack => (true, $"Already acknowledged by @{ack.By}."),
            AckCommand => Ack(work, person, now),
            UnackCommand when state.Acknowledged is null => (true, "The incident was not acknowledged."),
            UnackCommand => Unack(work, now),
            ResolveCommand when !state.IsFiring => (true, "The incident is already resolved."),
            ResolveCommand resolve => Resolve(work, resolve, person, config, now),
            ReopenCommand when state.IsFiring && work.Open => (true, "The incident is already open."),
            ReopenCommand => Reopen(work, config, now),
            SeverityCommand severity when severity.Level == state.Severity => (true, $"The severity is already **{severity.Level}**."),
            SeverityCommand severity => SetSeverity(work, severity, config),
            AssignCommand assign => Assign(work, assign),
            UnassignCommand unassign => Unassign(work, unassign),
            AutoCloseCommand auto => SetAutoClose(work, auto.On),
            StatusCommand status => AddToTimeline(work, new TimelineEntry(now, person, status.Phase, status.Text), $"Status: **{status.Phase}**."),
            TimelineCommand note => AddToTimeline(work, new TimelineEntry(now, person, "note", note.Text), "Added to the timeline."),
            EscalateCommand when !state.IsFiring => (false, "The incident is resolved; there is nobody to page."),
            EscalateCommand when state.Acknowledged is { } ack => (false, $"@{ack.By} has acknowledged the incident; `/unack` first to escalate it."),
            EscalateCommand when state.Escalation is not { DueAt: not null } => (false, "The incident has no escalation step left to fire."),
            EscalateCommand => Escalate(work, now),
            OnCallCommand { Take: null } => (true, OnCallSummary.Render(config.OnCall, now)),
            OnCallCommand when permission < RepoPermission.Triage =>
                (false, $"`/oncall take` needs the **triage** role; @{person} has **{Name(permission)}**."),
            OnCallCommand take => TakeOnCall(work, take, person, config.OnCall, now),
            SplitCommand when state.Storm is null || !state.IsFiring => (false, "`/split` works on an open storm issue: it gives one of the storm's groups an issue of its own."),
            SplitCommand split => Split(work, split),
            SilenceCommand silence => Silence(work, silence, person, now),
            UnsilenceCommand => Unsilence(work, now),
            PostmortemCommand => Postmortem(work),
            HelpCommand => (true, CommandCatalog.HelpText(permission, config.CommandPermissions)),
            _ => (false, $"`{typed}` is known but not handled yet."),
        };
        return new CommandOutcome(typed, result.Ok, result.Message);
    }

    private static (bool, string) Ack(Working work, string person, DateTimeOffset now)
    {
        work.State = work.State with { Acknowledged = new Acknowledgement(person, now) };
        work.Labels.Add(IncidentDecider.AcknowledgedLabel);
        if (work.Assignees.Count == 0 && work.Assign.Count == 0)
        {
            work.Assign.Add(person);
            return (true, $"Acknowledged by @{person}, who is now assigned.");
        }

        return (true, $"Acknowledged by @{person}.");
    }

    private static (bool, string) Unack(Working work, DateTimeOffset now)
    {
        work.State = work.State.Unacknowledged(now);
        work.Labels.Remove(IncidentDecider.AcknowledgedLabel);
        return (true, work.State.Escalation is null ? "No longer acknowledged." : "No longer acknowledged; escalation starts over.");
    }

    private static (bool, string) Escalate(Working work, DateTimeOffset now)
    {
        work.State = work.State with { Escalation = work.State.Escalation! with { DueAt = now } };
        return (true, "Paging the next escalation step now.");
    }

    private static (bool, string) Resolve(Working work, ResolveCommand resolve, string person, IncidentConfig config, DateTimeOffset now)
    {
        var state = work.State.ResolvedByPerson(person, now, byHand: false);
        work.State = resolve.Note is { Length: > 0 } note ? state.WithTimelineEntry(new TimelineEntry(now, person, "resolved", note)) : state;
        work.Labels.Add(config.Resolve.Label);
        var refire = work.State.Firing.Count > 0 ? " Its alerts still fire, so the next delivery from Alertmanager reopens it." : "";
        var waits = CloseUnlessWaiting(work);
        return (true, $"Resolved by @{person}.{refire}{(waits ? "\n\n" + PostmortemDecider.WaitingNote : "")}");
    }

    private static (bool, string) Reopen(Working work, IncidentConfig config, DateTimeOffset now)
    {
        work.State = work.State.ReopenedByPerson(now);
        work.Labels.Remove(config.Resolve.Label);
        work.Labels.Remove(IncidentDecider.AcknowledgedLabel);
        work.Labels.Remove(PostmortemDecider.PendingLabel);
        work.Open = true;
        return (true, "Reopened; it is unacknowledged.");
    }

    private static (bool, string) SetSeverity(Working work, SeverityCommand severity, IncidentConfig config)
    {
        var level = config.Severity.Find(severity.Level)!;
        foreach (var other in config.Severity.Levels)
        {
            work.Labels.Remove(other.GitHubLabel);
        }

        work.Labels.Add(level.GitHubLabel);
        work.NewLabels.Add(new LabelSpec(level.GitHubLabel, level.Color, $"Incident severity: {level.Name}"));
        work.State = work.State with { Severity = level.Name, SeverityPinned = true };
        return (true, $"Severity is now **{level.Name}**; alerts will not change it.");
    }

    private static (bool, string) Assign(Working work, AssignCommand assign)
    {
        var added = assign.Logins.Where(l => !work.Assignees.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        if (work.Assignees.Count + work.Assign.Count + added.Count > LoginList.MaxLogins)
        {
            return (false, $"An issue can have at most {LoginList.MaxLogins} assignees; it has {work.Assignees.Count}. Unassign someone first.");
        }

        work.Assign.AddRange(added);
        return (true, added.Count == 0 ? "Already assigned." : $"Assigning {Mentions(added)}.");
    }

    private static (bool, string) Unassign(Working work, UnassignCommand unassign)
    {
        var removed = unassign.Logins.Where(l => work.Assignees.Contains(l, StringComparer.OrdinalIgnoreCase)).ToList();
        work.Unassign.AddRange(removed);
        work.Assign.RemoveAll(l => unassign.Logins.Contains(l, StringComparer.OrdinalIgnoreCase));
        return (true, removed.Count == 0 ? "Nobody named was assigned." : $"Unassigned {Mentions(removed)}.");
    }

    private static (bool, string) TakeOnCall(Working work, OnCallCommand take, string person, OnCallConfig? schedule, DateTimeOffset now)
    {
        if (schedule is null || schedule.Rotations.Count == 0)
        {
            return (false, "This repository has no on-call rotations to take: add `oncall:` to `.github/incidents.yml`.");
        }

        var name = take.Rotation
            ?? OnCallResolver.WhoIsOnCall(schedule, now).Entries.FirstOrDefault(e => e.Rotation is not null)?.Rotation
            ?? schedule.Rotations.Keys.First();
        if (!schedule.Rotations.TryGetValue(name, out var rotation))
        {
            return (false, $"There is no rotation `{name.Replace('`', '\'')}`; the rotations are {string.Join(", ", schedule.Rotations.Keys.Select(k => $"`{k}`"))}.");
        }

        // Overrides are written in the rotation's local time, like those of the file; expired ones are dropped.
        var from = TimeZoneInfo.ConvertTime(now, rotation.TimeZone).DateTime;
        from = from.AddTicks(-(from.Ticks % TimeSpan.TicksPerMinute));
        var to = from + take.Take!.Value;
        work.Ledger = [.. work.Ledger.Where(entry => entry.To > LocalNow(schedule, entry.Rotation, now)), new OnCallOverride(name, person, from, to)];
        return (true, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"@{person} is on call for **{name}** until {to:ddd yyyy-MM-dd HH:mm} {rotation.TimeZone.Id}."));
    }

    private static DateTime LocalNow(OnCallConfig schedule, string rotation, DateTimeOffset now) =>
        TimeZoneInfo.ConvertTime(now, schedule.Rotations.TryGetValue(rotation, out var r) ? r.TimeZone : schedule.TimeZone).DateTime;

    private static (bool, string) Split(Working work, SplitCommand split)
    {
        var (key, message) = StormDecider.FindSplit(work.State.Storm!, split.Labels, work.Splits);
        if (key is not null)
        {
            work.Splits.Add(key);
        }

        return (key is not null, message);
    }

    private static (bool, string) SetAutoClose(Working work, bool on)
    {
        work.State = work.State with { AutoClose = on };
        return (true, on ? "The incident closes by itself once its alerts resolve." : "The incident stays open when its alerts resolve; close it with `/resolve`.");
    }

    private static (bool, string) AddToTimeline(Working work, TimelineEntry entry, string message)
    {
        work.State = work.State.WithTimelineEntry(entry);
        return (true, message);
    }

    private static string Mentions(IEnumerable<string> logins) => string.Join(", ", logins.Select(l => "@" + l));

    private static string Name(RepoPermission permission) => permission.ToString().ToLowerInvariant();
}
