namespace GitHubIncidentApp.Core.Incidents.Decisions;

// `/postmortem`: the template, prefilled, as a comment of its own; an incident waiting for it then closes.
public static partial class CommandDecider
{
    /// <summary>Closes the resolved incident, or keeps it open for its post-mortem (true) where its severity needs one.</summary>
    private static bool CloseUnlessWaiting(Working work)
    {
        if (PostmortemDecider.Waiting(work.State, work.Context) is not { } waiting)
        {
            work.Open = false;
            return false;
        }

        work.State = waiting;
        work.Labels.Add(PostmortemDecider.PendingLabel);
        return true;
    }

    private static (bool, string) Postmortem(Working work)
    {
        var assignees = work.Assignees.Concat(work.Assign).Except(work.Unassign, StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        work.Comments.Add(new CommentOnIssue(PostmortemDecider.Draft(work.State, assignees, work.Context)));
        work.Labels.Add(PostmortemDecider.Label);
        var waited = work.State.PostmortemRemindAt is not null;
        work.State = PostmortemDecider.Written(work.State, work.Context.Now);
        if (!waited)
        {
            return (true, "Posted the post-mortem template above, prefilled with what the app recorded; edit it to complete it.");
        }

        work.Labels.Remove(PostmortemDecider.PendingLabel);
        work.Open = false;
        return (true, "Posted the post-mortem template above, prefilled with what the app recorded; edit it to complete it. The incident was only waiting for it, so it is closed.");
    }
}
