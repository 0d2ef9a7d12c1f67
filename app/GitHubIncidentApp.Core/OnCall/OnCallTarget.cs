namespace GitHubIncidentApp.Core.OnCall;

/// <summary>Whom an escalation step or <c>when_empty</c> notifies.</summary>
public abstract record OnCallTarget;

/// <summary>Whoever a rotation has on call, or the people of its next shift.</summary>
public sealed record RotationTarget(string Rotation, bool Next = false) : OnCallTarget;

/// <summary>A team, <c>org/team</c>: mentioned, since GitHub assigns only people.</summary>
public sealed record TeamTarget(string Team) : OnCallTarget
{
    public string Mention => $"@{Team}";
}

/// <summary>A person by login, without the leading '@'.</summary>
public sealed record UserTarget(string Login) : OnCallTarget;
