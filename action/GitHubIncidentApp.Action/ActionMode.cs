namespace GitHubIncidentApp.Action;

/// <summary>What one run does; chosen by the event unless the <c>mode</c> input names one.</summary>
public enum ActionMode
{
    /// <summary>Slash commands and people's changes to incident issues (<c>issue_comment</c>, <c>issues</c>).</summary>
    Commands,

    /// <summary>An Alertmanager payload relayed through <c>repository_dispatch</c> or <c>workflow_dispatch</c>.</summary>
    Alert,

    /// <summary>The timed steps (escalation, acknowledgement timeout) that are due.</summary>
    Schedule,

    /// <summary>Checks the config file of the checked-out workspace (on pull requests); writes nothing. Only when named.</summary>
    Validate,
}

public static class ActionModes
{
    public const string Auto = "auto";

    /// <summary>The mode's name as the <c>mode</c> input takes it.</summary>
    public static string Name(ActionMode mode) => mode.ToString().ToLowerInvariant();

    /// <returns>The mode, or the reason there is none, written for the workflow's author.</returns>
    public static (ActionMode? Mode, string? Problem) Choose(string? input, string eventName)
    {
        if (input is not null && !input.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            var named = Enum.GetValues<ActionMode>().Where(m => Name(m).Equals(input, StringComparison.OrdinalIgnoreCase)).Cast<ActionMode?>().FirstOrDefault();
            return named is not null
                ? (named, null)
                : (null, $"the mode input '{input}' is not one of {Auto}, {string.Join(", ", Enum.GetValues<ActionMode>().Select(Name))}");
        }

        return eventName switch
        {
            "issue_comment" or "issues" => (ActionMode.Commands, null),
            "repository_dispatch" or "workflow_dispatch" => (ActionMode.Alert, null),
            "schedule" => (ActionMode.Schedule, null),
            _ => (null, $"the action does not handle '{eventName}' events: trigger it on issue_comment, issues, schedule, repository_dispatch or workflow_dispatch, or set the mode input (mode: {Name(ActionMode.Validate)} checks the config on pull requests)"),
        };
    }
}
