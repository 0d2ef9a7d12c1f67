using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// <see cref="IGitHubPort"/> over Octokit: one REST call per method (list methods page through
/// 100 items at a time). Failures surface as <see cref="GitHubApiException"/>; nothing is retried here.
/// Octokit's typed clients take no cancellation token, so the token is checked before each call
/// and a started call runs to completion (a write is never left half-known). Creating calls wait for
/// the <paramref name="pacer"/>, and no call goes out while the <paramref name="hold"/> says a rate
/// limit holds its installation back, when there are those. While the <paramref name="health"/> has GitHub
/// down for the installation, only its one probe goes out.
/// </summary>
public sealed partial class OctokitGitHubPort(IGitHubClientProvider clients, ContentPacer? pacer = null, RateLimitHold? hold = null, GitHubHealth? health = null) : IGitHubPort
{
    private const int PageSize = 100;

    public Task<IssueSnapshot> CreateIssueAsync(RepoRef repo, NewIssue issue, CancellationToken cancellationToken)
    {
        // Not Octokit's NewIssue, which has no issue type; nor does its Issue read one, so the type comes from the answer's JSON.
        var body = new Dictionary<string, object>
        {
            ["title"] = issue.Title,
            ["body"] = issue.Body,
            ["labels"] = issue.Labels.ToArray(),
            ["assignees"] = issue.Assignees.ToArray(),
        };
        if (issue.Type is { } type)
        {
            body["type"] = type;
        }

        if (issue.FieldValues.Count > 0)
        {
            body["issue_field_values"] = FieldValuesBody(issue.FieldValues);
        }

        return CallAsync(repo, $"POST /repos/{repo}/issues", async client =>
        {
            var response = await client.Connection
                .Post<Issue>(ApiUrls.Issues(repo.Owner, repo.Name), body, accepts: null, contentType: null, parameters: null, cancellationToken: CancellationToken.None)
                .ConfigureAwait(false);
            return ToSnapshot(response.Body) with { Type = IssueTypeOf(response.HttpResponse.Body as string) };
        }, cancellationToken, createsContent: true);
    }

    public Task<IssueSnapshot> GetIssueAsync(RepoRef repo, int number, CancellationToken cancellationToken) =>
        CallAsync(repo, $"GET /repos/{repo}/issues/{number}", async client =>
            ToSnapshot(await client.Issue.Get(repo.Owner, repo.Name, number).ConfigureAwait(false)), cancellationToken);

    public Task<IssueSnapshot> UpdateIssueAsync(RepoRef repo, int number, IssueUpdate update, CancellationToken cancellationToken)
    {
        // Not Octokit's IssueUpdate: it always sends "milestone": null, which clears a milestone a person set.
        var body = new Dictionary<string, object>();
        if (update.Open is { } open)
        {
            body["state"] = open ? "open" : "closed";
        }

        if (update.StateReason is { } reason)
        {
            body["state_reason"] = reason;
        }

        if (update.Title is { } title)
        {
            body["title"] = title;
        }

        if (update.Body is { } text)
        {
            body["body"] = text;
        }

        if (update.Labels is { } labels)
        {
            body["labels"] = labels.ToArray();
        }

        return CallAsync(repo, $"PATCH /repos/{repo}/issues/{number}", async client =>
        {
            var issue = await new ApiConnection(client.Connection)
                .Patch<Issue>(ApiUrls.Issue(repo.Owner, repo.Name, number), body).ConfigureAwait(false);
            return ToSnapshot(issue);
        }, cancellationToken);
    }

    public Task AddCommentAsync(RepoRef repo, int number, string body, CancellationToken cancellationToken) =>
        CallAsync(repo, $"POST /repos/{repo}/issues/{number}/comments", client =>
            client.Issue.Comment.Create(repo.Owner, repo.Name, number, body), cancellationToken, createsContent: true);

    public Task<IReadOnlyList<string>> ListCommentBodiesAsync(RepoRef repo, int number, DateTimeOffset since, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>(repo, $"GET /repos/{repo}/issues/{number}/comments", async client =>
        {
            var comments = await client.Issue.Comment.GetAllForIssue(
                repo.Owner, repo.Name, number, new IssueCommentRequest { Since = since }, new ApiOptions { PageSize = PageSize }).ConfigureAwait(false);
            return [.. comments.Select(comment => comment.Body ?? "")];
        }, cancellationToken);

    public Task<IReadOnlyList<IssueSnapshot>> ListIssuesWithLabelAsync(
        RepoRef repo, string label, CancellationToken cancellationToken, DateTimeOffset? updatedSince = null, bool openOnly = false)
    {
        var state = openOnly ? ItemStateFilter.Open : ItemStateFilter.All;
        var request = new RepositoryIssueRequest { State = state, Labels = { label }, Since = updatedSince };
        var since = updatedSince is { } from ? $"&since={from.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}" : "";
        return CallAsync<IReadOnlyList<IssueSnapshot>>(repo, $"GET /repos/{repo}/issues?labels={label}&state={(openOnly ? "open" : "all")}{since}", async client =>
        {
            var issues = await client.Issue.GetAllForRepository(repo.Owner, repo.Name, request, new ApiOptions { PageSize = PageSize })
                .ConfigureAwait(false);

            // The issues endpoint lists pull requests too.
            return [.. issues.Where(issue => issue.PullRequest is null).Select(ToSnapshot)];
        }, cancellationToken);
    }

    public Task<bool> IsPrivateAsync(RepoRef repo, CancellationToken cancellationToken) =>
        CallAsync(repo, $"GET /repos/{repo}", async client =>
            (await client.Repository.Get(repo.Owner, repo.Name).ConfigureAwait(false)).Private, cancellationToken);

    public Task<IReadOnlyList<string>> ListLabelsAsync(RepoRef repo, CancellationToken cancellationToken) =>
        CallAsync<IReadOnlyList<string>>(repo, $"GET /repos/{repo}/labels", async client =>
        {
            var labels = await client.Issue.Labels.GetAllForRepository(repo.Owner, repo.Name, new ApiOptions { PageSize = PageSize })
                .ConfigureAwait(false);
            return [.. labels.Select(label => label.Name)];
        }, cancellationToken);

    public Task CreateLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken) =>
        CallAsync(repo, $"POST /repos/{repo}/labels", async client =>
        {
            try
            {
                var request = new NewLabel(label.Name, label.Color.TrimStart('#')) { Description = label.Description };
                return await client.Issue.Labels.Create(repo.Owner, repo.Name, request).ConfigureAwait(false);
            }
            catch (ApiValidationException e) when (e.ApiError?.Errors?.Any(error => error.Code == "already_exists") == true)
            {
                return null;
            }
        }, cancellationToken);

    public Task<RepoPermission> GetPermissionAsync(RepoRef repo, string login, CancellationToken cancellationToken) =>
        CallAsync(repo, $"GET /repos/{repo}/collaborators/{login}/permission", async client =>
        {
            try
            {
                var response = await client.Repository.Collaborator.ReviewPermission(repo.Owner, repo.Name, login).ConfigureAwait(false);
                return CollaboratorRole.From(response);
            }
            catch (NotFoundException)
            {
                // GitHub answers 404 for a login that does not exist or cannot be a collaborator.
                return RepoPermission.None;
            }
        }, cancellationToken);

    public Task<bool> AddSubIssueAsync(RepoRef repo, int parent, long childId, CancellationToken cancellationToken)
    {
        // Octokit has no client for sub-issues. GitHub counts filing one as creating content: it is paced like a comment.
        var url = new Uri($"repos/{repo.Owner}/{repo.Name}/issues/{parent}/sub_issues", UriKind.Relative);
        var body = new Dictionary<string, object> { ["sub_issue_id"] = childId };
        return CallAsync(repo, $"POST /repos/{repo}/issues/{parent}/sub_issues", async client =>
        {
            try
            {
                await new ApiConnection(client.Connection).Post<Issue>(url, body).ConfigureAwait(false);
                return true;
            }
            catch (NotFoundException)
            {
                return false;
            }
            catch (ApiValidationException)
            {
                // Filed already (a retry after a lost answer): the child has its parent.
                return true;
            }
        }, cancellationToken, createsContent: true);
    }

    public Task AddReactionAsync(RepoRef repo, long commentId, string content, CancellationToken cancellationToken)
    {
        // Raw, not Octokit's reaction client: the port speaks GitHub's content names, which Octokit would only map back and forth.
        var url = new Uri($"repos/{repo.Owner}/{repo.Name}/issues/comments/{commentId}/reactions", UriKind.Relative);
        var body = new Dictionary<string, object> { ["content"] = content };

        // 200 (this reaction was already there) and 201 are both success.
        return CallAsync(repo, $"POST /repos/{repo}/issues/comments/{commentId}/reactions", client =>
            new ApiConnection(client.Connection).Post<Reaction>(url, body), cancellationToken);
    }

    public Task<IssueSnapshot> AddAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        CallAsync(repo, $"POST /repos/{repo}/issues/{number}/assignees", async client =>
            ToSnapshot(await client.Issue.Assignee.AddAssignees(repo.Owner, repo.Name, number, new AssigneesUpdate([.. logins]))
                .ConfigureAwait(false)), cancellationToken);

    public Task<IssueSnapshot> RemoveAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken) =>
        CallAsync(repo, $"DELETE /repos/{repo}/issues/{number}/assignees", async client =>
            ToSnapshot(await client.Issue.Assignee.RemoveAssignees(repo.Owner, repo.Name, number, new AssigneesUpdate([.. logins]))
                .ConfigureAwait(false)), cancellationToken);

    public Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken) =>
        GetFileAsync(repo, repo, path, cancellationToken);

    public Task<string?> GetFileAsync(RepoRef readingFor, RepoRef repo, string path, CancellationToken cancellationToken) =>
        CallAsync(readingFor, $"GET /repos/{repo}/contents/{path}", async client =>
        {
            IReadOnlyList<RepositoryContent> contents;
            try
            {
                contents = await client.Repository.Content.GetAllContents(repo.Owner, repo.Name, path).ConfigureAwait(false);
            }
            catch (NotFoundException)
            {
                return null;
            }

            return contents is [{ Type.StringValue: "file" } file]
                ? file.Content
                : throw new InvalidOperationException($"'{path}' in {repo} is a directory, not a file: point the setting at a file.");
        }, cancellationToken);

    public Task<GraphQLAnswer> GraphQLAsync(RepoRef repo, string query, IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken) =>
        CallAsync(repo, "POST /graphql", async client =>
        {
            // GitHub Enterprise serves GraphQL at /api/graphql beside the REST API's /api/v3/; elsewhere it is beside the REST paths.
            var rest = client.Connection.BaseAddress;
            var url = new Uri(rest, rest.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal) ? "../graphql" : "graphql");
            var body = new Dictionary<string, object> { ["query"] = query, ["variables"] = variables };
            var response = await client.Connection
                .Post<object>(url, body, accepts: null, contentType: null, parameters: null, cancellationToken: CancellationToken.None)
                .ConfigureAwait(false);
            return GraphQLAnswer.Parse(response.HttpResponse.Body as string);
        }, cancellationToken);
}
