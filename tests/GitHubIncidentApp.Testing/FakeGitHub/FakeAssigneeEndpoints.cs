using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// Adding and removing assignees. Like GitHub, logins that cannot be assigned (see <see cref="FakeRepo.SetRole"/>
/// and <see cref="FakeRepo.AddAssignable"/>) and those past ten per issue are dropped without an error.
/// </summary>
internal static class FakeAssigneeEndpoints
{
    public static void MapFakeAssigneeEndpoints(this IEndpointRouteBuilder repos, FakeGitHubServer server)
    {
        repos.MapPost("/issues/{number:int}/assignees", (HttpContext context, int number) =>
            Change(context, server, StatusCodes.Status201Created, (repo, logins) => repo.AddAssignees(number, logins)));

        repos.MapDelete("/issues/{number:int}/assignees", (HttpContext context, int number) =>
            Change(context, server, StatusCodes.Status200OK, (repo, logins) => repo.RemoveAssignees(number, logins)));
    }

    private static IResult Change(HttpContext context, FakeGitHubServer server, int statusCode, Func<FakeRepo, IReadOnlyList<string>, FakeIssue?> change)
    {
        if (!FakeRequestBody.TryRead(context, out var body, out var error))
        {
            return error;
        }

        var repo = FakeRepoEndpoints.Repo(context);
        return change(repo, FakeRequestBody.Names(body, "assignees") ?? []) is { } issue
            ? FakeResults.Json(server.Json.Issue(repo, issue), statusCode)
            : FakeResults.NotFound();
    }
}
