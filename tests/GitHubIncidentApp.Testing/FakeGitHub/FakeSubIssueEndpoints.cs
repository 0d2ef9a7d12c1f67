using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// <c>POST /issues/{n}/sub_issues</c> with the child's issue id (not its number), as GitHub's sub-issues API takes it. A
/// child has one parent; where sub-issues are off (<see cref="FakeRepo.SubIssuesUnsupported"/>) GitHub answers 404.
/// </summary>
internal static class FakeSubIssueEndpoints
{
    public static void MapFakeSubIssueEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server) =>
        repos.MapPost("/issues/{number:int}/sub_issues", (HttpContext context, int number) =>
        {
            if (!FakeRequestBody.TryRead(context, out var body, out var error))
            {
                return error;
            }

            var repo = FakeRepoEndpoints.Repo(context);
            if (repo.SubIssuesUnsupported || body["sub_issue_id"] is not JsonValue id || !id.TryGetValue<long>(out var childId))
            {
                return FakeResults.NotFound();
            }

            return repo.AddSubIssue(number, childId) switch
            {
                (null, _) => FakeResults.NotFound(),
                (_, { } problem) => FakeResults.Unprocessable(FakeGitHubJson.Error(problem)),
                ({ } child, null) => FakeResults.Json(server.Json.Issue(repo, child), StatusCodes.Status201Created),
            };
        });
}
