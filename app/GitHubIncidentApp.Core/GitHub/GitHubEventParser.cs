using System.Text.Json;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Reduces a GitHub webhook payload (the App's delivery body, or the Action's event file) to the
/// <see cref="GitHubEvent"/> the incident logic uses. Events and actions it has no use for are
/// ignored before the body is checked; a body that lacks a field it needs gets an error naming
/// that field. Never throws on bad input.
/// </summary>
public static class GitHubEventParser
{
    private static readonly HashSet<string> CommentActions = ["created", "edited"];
    private static readonly HashSet<string> IssueActions = ["closed", "reopened", "labeled", "unlabeled", "assigned", "unassigned", "edited"];
    private static readonly HashSet<string> InstallationActions = ["created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"];
    private static readonly HashSet<string> InstallationRepositoriesActions = ["added", "removed"];

    /// <param name="eventName">The <c>X-GitHub-Event</c> header (the Action's <c>GITHUB_EVENT_NAME</c>).</param>
    public static GitHubEventParseResult Parse(string eventName, string json, string deliveryId)
    {
        var actions = eventName switch
        {
            "ping" => [],
            "issue_comment" => CommentActions,
            "issues" => IssueActions,
            "installation" => InstallationActions,
            "installation_repositories" => InstallationRepositoriesActions,
            _ => null,
        };
        if (actions is null)
        {
            return GitHubEventParseResult.Ignored($"'{eventName}' events are not used");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.TrimStart('\uFEFF')); // a byte order mark is not JSON, but harmless
        }
        catch (JsonException ex)
        {
            return GitHubEventParseResult.Failed($"the body is not valid JSON: {ex.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return GitHubEventParseResult.Failed($"the '{eventName}' payload must be a JSON object");
            }

            try
            {
                var root = PayloadNode.Root(document.RootElement);
                if (eventName == "ping")
                {
                    // A ping is only answered, so it does not need a sender to be valid.
                    var sender = root.OptionalObject("sender");
                    return GitHubEventParseResult.Parsed(new PingEvent
                    {
                        DeliveryId = deliveryId,
                        Sender = sender is { } s ? ReadActor(s) : new GitHubActor("", IsBot: false),
                    });
                }

                var action = root.String("action");
                return actions.Contains(action)
                    ? Read(eventName, action, root, deliveryId)
                    : GitHubEventParseResult.Ignored($"the '{action}' action of '{eventName}' events is not used");
            }
            catch (MalformedPayloadException ex)
            {
                return GitHubEventParseResult.Failed($"this is not a GitHub '{eventName}' webhook payload: {ex.Message}");
            }
        }
    }

    private static GitHubEventParseResult Read(string eventName, string action, PayloadNode root, string deliveryId)
    {
        if (eventName is "installation" or "installation_repositories")
        {
            var installation = root.Object("installation");
            return GitHubEventParseResult.Parsed(new InstallationEvent
            {
                DeliveryId = deliveryId,
                Sender = ReadActor(root.Object("sender")),
                Action = action,
                InstallationId = installation.Int64("id"),
                Account = ReadOwner(installation.Object("account")),
            });
        }

        var issue = root.Object("issue");
        if (issue.Has("pull_request"))
        {
            // GitHub treats pull requests as issues; they are never incidents.
            return GitHubEventParseResult.Ignored($"'{eventName}' events on pull requests are not used");
        }

        var repo = ReadRepo(root);
        var snapshot = ReadIssue(issue);
        var sender = ReadActor(root.Object("sender"));
        if (eventName == "issue_comment")
        {
            var comment = root.Object("comment");
            return GitHubEventParseResult.Parsed(new IssueCommentEvent
            {
                DeliveryId = deliveryId,
                Sender = sender,
                Repo = repo,
                Action = action,
                CommentId = comment.Int64("id"),
                Body = comment.OptionalString("body") ?? "",
                Issue = snapshot,
            });
        }

        return GitHubEventParseResult.Parsed(new IssueChangeEvent
        {
            DeliveryId = deliveryId,
            Sender = sender,
            Repo = repo,
            Action = action,
            Issue = snapshot,
            Label = action is "labeled" or "unlabeled" ? root.OptionalObject("label")?.String("name") : null,
            Assignee = action is "assigned" or "unassigned" ? root.OptionalObject("assignee")?.String("login") : null,
        });
    }

    private static GitHubActor ReadActor(PayloadNode user)
    {
        var login = user.String("login");
        return new GitHubActor(login, user.OptionalString("type") == "Bot" || login.EndsWith("[bot]", StringComparison.Ordinal));
    }

    /// <summary>An account's login, by the rule repository owners follow: the installation cache is keyed by it.</summary>
    private static string ReadOwner(PayloadNode account)
    {
        var login = account.String("login");
        return RepoRef.OwnerProblem(login) is { } problem
            ? throw new MalformedPayloadException($"'installation.account.login' names no account: {problem}")
            : login;
    }

    private static RepoRef ReadRepo(PayloadNode root)
    {
        var fullName = root.Object("repository").String("full_name");
        var (repo, problem) = RepoRef.Parse(fullName);
        return repo ?? throw new MalformedPayloadException($"'repository.full_name' names no repository: {problem}");
    }

    private static IssueSnapshot ReadIssue(PayloadNode issue)
    {
        var state = issue.String("state");
        return new IssueSnapshot
        {
            Number = issue.Int32("number"),
            Title = issue.String("title"),
            Body = issue.OptionalString("body") ?? "",
            IsOpen = state switch
            {
                "open" => true,
                "closed" => false,
                _ => throw new MalformedPayloadException($"'issue.state' is \"{state}\"; expected \"open\" or \"closed\""),
            },
            Labels = issue.Strings("labels", "name"),
            Assignees = issue.Strings("assignees", "login"),
            HtmlUrl = issue.OptionalString("html_url") ?? "",
            ClosedAt = issue.OptionalTime("closed_at"),
            Author = issue.OptionalObject("user")?.OptionalString("login") ?? "",
        };
    }
}
