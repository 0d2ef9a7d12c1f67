namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// A GitHub webhook delivery, reduced to what the incident logic uses. Both hosts make these: the App
/// from webhooks, the Action from <c>GITHUB_EVENT_PATH</c>.
/// </summary>
public abstract record GitHubEvent
{
    /// <summary><c>X-GitHub-Delivery</c>; the Action uses its run id.</summary>
    public required string DeliveryId { get; init; }

    /// <summary>The person or bot whose action caused the event.</summary>
    public required GitHubActor Sender { get; init; }
}

public sealed record GitHubActor(string Login, bool IsBot);

/// <summary>A comment created (or edited) on an issue. Comments on pull requests are not incidents and are never made into this.</summary>
public sealed record IssueCommentEvent : GitHubEvent
{
    public required RepoRef Repo { get; init; }

    /// <summary><c>created</c> or <c>edited</c>.</summary>
    public required string Action { get; init; }
    public required long CommentId { get; init; }
    public required string Body { get; init; }
    public required IssueSnapshot Issue { get; init; }
}

/// <summary>Something a person (or the app) did to an issue: closed, reopened, labeled, unlabeled, assigned, unassigned, edited.</summary>
public sealed record IssueChangeEvent : GitHubEvent
{
    public required RepoRef Repo { get; init; }
    public required string Action { get; init; }
    public required IssueSnapshot Issue { get; init; }

    /// <summary>The label added or removed, for <c>labeled</c> and <c>unlabeled</c>.</summary>
    public string? Label { get; init; }

    /// <summary>The person assigned or unassigned, for <c>assigned</c> and <c>unassigned</c>.</summary>
    public string? Assignee { get; init; }
}

/// <summary>The app was installed, uninstalled, or given other repositories, on one account.</summary>
public sealed record InstallationEvent : GitHubEvent
{
    /// <summary><c>created</c>, <c>deleted</c>, <c>suspend</c>, <c>unsuspend</c>, <c>added</c>, <c>removed</c>, ...</summary>
    public required string Action { get; init; }
    public required long InstallationId { get; init; }
    public required string Account { get; init; }
}

/// <summary>GitHub's <c>ping</c>, sent when the webhook is set up.</summary>
public sealed record PingEvent : GitHubEvent;
