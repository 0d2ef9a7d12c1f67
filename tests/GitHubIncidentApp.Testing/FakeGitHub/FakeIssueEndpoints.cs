using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

internal static class FakeIssueEndpoints
{
    private const int MaxTitleLength = 256;

    public static void MapFakeIssueEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server)
    {
        repos.MapGet("/issues", (HttpContext context) =>
        {
            var repo = FakeRepoEndpoints.Repo(context);
            var page = FakePagination.Page(context, server.BaseUrl, Filter(repo.Issues, context.Request.Query));
            return FakeResults.Json(new JsonArray([.. page.Select(issue => server.Json.Issue(repo, issue))]));
        });

        repos.MapPost("/issues", (HttpContext context) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var title = FakeRequestBody.String(body, "title");
            var text = FakeRequestBody.String(body, "body") ?? "";
            if (Validate(title ?? "", text, requireTitle: true) is { } invalid)
            {
                return invalid;
            }

            var repo = FakeRepoEndpoints.Repo(context);
            var (fields, refused) = FakeIssueFieldEndpoints.Read(server, repo.Owner, body);
            if (refused is not null)
            {
                return refused;
            }

            var issue = repo.CreateIssue(
                title!,
                text,
                FakeRequestBody.Names(body, "labels") ?? [],
                repo.Assignable(FakeRequestBody.Names(body, "assignees") ?? []),
                FakeRepoEndpoints.Author(context),
                // As GitHub does: a type the organisation lacks is dropped without an error.
                server.IssueType(repo.Owner, FakeRequestBody.String(body, "type")));
            issue = fields.Count > 0 ? repo.SetFields(issue.Number, fields)! : issue;
            return FakeResults.Json(server.Json.Issue(repo, issue), StatusCodes.Status201Created);
        });

        repos.MapGet("/issues/{number:int}", (HttpContext context, int number) =>
        {
            var repo = FakeRepoEndpoints.Repo(context);
            return repo.TryGetIssue(number) is { } issue ? FakeResults.Json(server.Json.Issue(repo, issue)) : FakeResults.NotFound();
        });

        repos.MapPatch("/issues/{number:int}", (HttpContext context, int number) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var repo = FakeRepoEndpoints.Repo(context);
            var patch = new FakeIssuePatch
            {
                Title = FakeRequestBody.String(body, "title"),
                Body = FakeRequestBody.String(body, "body"),
                State = FakeRequestBody.String(body, "state"),
                StateReason = FakeRequestBody.String(body, "state_reason"),
                Labels = FakeRequestBody.Names(body, "labels"),
                Assignees = FakeRequestBody.Names(body, "assignees") is { } assignees ? repo.Assignable(assignees) : null,
            };
            if (patch.State is not (null or "open" or "closed"))
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError("Issue", "state", "invalid"));
            }

            if (patch.StateReason is not (null or "completed" or "not_planned" or "reopened"))
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError("Issue", "state_reason", "invalid"));
            }

            if (Validate(patch.Title ?? "", patch.Body ?? "", requireTitle: false) is { } invalid)
            {
                return invalid;
            }

            return repo.UpdateIssue(number, patch) is { } issue ? FakeResults.Json(server.Json.Issue(repo, issue)) : FakeResults.NotFound();
        });

        repos.MapGet("/issues/{number:int}/comments", (HttpContext context, int number) =>
        {
            var repo = FakeRepoEndpoints.Repo(context);
            if (repo.TryGetIssue(number) is not { } issue)
            {
                return FakeResults.NotFound();
            }

            // GitHub filters on updated_at; the fake's comments are never edited, so created is updated.
            var since = DateTimeOffset.TryParse(context.Request.Query["since"], System.Globalization.CultureInfo.InvariantCulture, out var time) ? time : DateTimeOffset.MinValue;
            var page = FakePagination.Page(context, server.BaseUrl, issue.Comments.Where(comment => comment.CreatedAt >= since).ToList());
            return FakeResults.Json(new JsonArray([.. page.Select(comment => server.Json.Comment(repo, number, comment))]));
        });

        repos.MapPost("/issues/{number:int}/comments", (HttpContext context, int number) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var text = FakeRequestBody.String(body, "body");
            if (string.IsNullOrEmpty(text))
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError("IssueComment", "body", "missing_field"));
            }

            if (text.Length > FakeGitHubServer.MaxBodyLength)
            {
                return FakeResults.Unprocessable(FakeGitHubJson.ValidationError(
                    "IssueComment", "body", "custom", $"Body is too long (maximum is {FakeGitHubServer.MaxBodyLength} characters)"));
            }

            var repo = FakeRepoEndpoints.Repo(context);
            return repo.TryAddComment(number, FakeRepoEndpoints.Author(context), text) is { } comment
                ? FakeResults.Json(server.Json.Comment(repo, number, comment), StatusCodes.Status201Created)
                : FakeResults.NotFound();
        });
    }

    private static IResult? Validate(string title, string body, bool requireTitle)
    {
        if (requireTitle && title.Length == 0)
        {
            return FakeResults.Unprocessable(FakeGitHubJson.ValidationError("Issue", "title", "missing_field"));
        }

        if (title.Length > MaxTitleLength)
        {
            return FakeResults.Unprocessable(FakeGitHubJson.ValidationError(
                "Issue", "title", "custom", $"title is too long (maximum is {MaxTitleLength} characters)"));
        }

        return body.Length > FakeGitHubServer.MaxBodyLength
            ? FakeResults.Unprocessable(FakeGitHubJson.ValidationError(
                "Issue", "body", "custom", $"body is too long (maximum is {FakeGitHubServer.MaxBodyLength} characters)"))
            : null;
    }

    /// <summary>GitHub's list filters: <c>state</c> (default open), <c>labels</c> (all of them), <c>sort</c>, <c>direction</c> (default desc).</summary>
    private static List<FakeIssue> Filter(IReadOnlyList<FakeIssue> issues, IQueryCollection query)
    {
        var state = query["state"].FirstOrDefault() ?? "open";
        var labels = (query["labels"].FirstOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var since = DateTimeOffset.TryParse(query["since"].FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from) ? from : DateTimeOffset.MinValue;
        var matching = issues
            .Where(issue => state == "all" || issue.State == state)
            .Where(issue => issue.UpdatedAt >= since)
            .Where(issue => labels.All(label => issue.Labels.Contains(label, StringComparer.OrdinalIgnoreCase)));
        Func<FakeIssue, DateTimeOffset> key = query["sort"].FirstOrDefault() == "updated" ? issue => issue.UpdatedAt : issue => issue.CreatedAt;
        var sorted = query["direction"].FirstOrDefault() == "asc"
            ? matching.OrderBy(key).ThenBy(issue => issue.Number)
            : matching.OrderByDescending(key).ThenByDescending(issue => issue.Number);
        return [.. sorted];
    }
}
