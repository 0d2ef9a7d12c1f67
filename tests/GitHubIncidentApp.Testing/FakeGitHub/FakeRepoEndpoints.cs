using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// The <c>/repos/{owner}/{repo}/...</c> endpoints, all behind an installation token: the owner's for everything,
/// another owner's for reading a public repository.
/// </summary>
internal static class FakeRepoEndpoints
{
    private const string RepoItemKey = "fake-github-repo";
    private const string AuthorItemKey = "fake-github-author";

    public static void MapFakeRepoEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server)
    {
        var repos = app.MapGroup("/repos/{owner}/{repo}").AddEndpointFilter(RequireInstallationToken(server));
        repos.MapFakeIssueEndpoints(server);
        repos.MapFakeLabelEndpoints(server);
        repos.MapFakeAssigneeEndpoints(server);
        repos.MapFakeSubIssueEndpoints(server);
        repos.MapFakeIssueFieldValueEndpoints(server);
        repos.MapFakeReactionEndpoints(server);
        repos.MapFakeCollaboratorEndpoints(server);
        repos.MapFakeDispatchEndpoints();
        repos.MapGet("", (HttpContext context) => FakeResults.Json(server.Json.Repository(Repo(context))));
        repos.MapGet("/contents/{**path}", (HttpContext context, string path) =>
        {
            var repo = Repo(context);
            return repo.TryGetFile(path) is { } content
                ? FakeResults.Json(server.Json.File(repo, path.Trim('/'), content))
                : FakeResults.NotFound();
        });
    }

    /// <summary>The repository the filter resolved for this request.</summary>
    public static FakeRepo Repo(HttpContext context) => (FakeRepo)context.Items[RepoItemKey]!;

    /// <summary>Whom this request's token writes as: the app's bot for an installation token.</summary>
    public static string Author(HttpContext context) => (string)context.Items[AuthorItemKey]!;

    private static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> RequireInstallationToken(FakeGitHubServer server) =>
        (context, next) =>
        {
            var http = context.HttpContext;
            var owner = (string)http.Request.RouteValues["owner"]!;
            var token = FakeAuthorization.Credential(http);
            var tokenOwner = "";
            var problem = token is null
                ? "Requires authentication: send 'Authorization: token <installation token>'"
                : server.CheckToken(token, out tokenOwner);
            if (problem is not null)
            {
                return ValueTask.FromResult<object?>(FakeResults.Unauthorized(problem));
            }

            if (server.FindRepo(owner, (string)http.Request.RouteValues["repo"]!) is not { } repo)
            {
                return ValueTask.FromResult<object?>(FakeResults.NotFound());
            }

            // As on GitHub: another owner's token does not see a private repository and only reads a public one.
            if (!string.Equals(tokenOwner, owner, StringComparison.OrdinalIgnoreCase))
            {
                if (!repo.IsPublic)
                {
                    return ValueTask.FromResult<object?>(FakeResults.NotFound());
                }

                if (!HttpMethods.IsGet(http.Request.Method))
                {
                    return ValueTask.FromResult<object?>(FakeResults.Forbidden("Resource not accessible by integration"));
                }
            }

            http.Items[RepoItemKey] = repo;
            http.Items[AuthorItemKey] = server.AuthorOf(token!);
            return next(context);
        };
}
