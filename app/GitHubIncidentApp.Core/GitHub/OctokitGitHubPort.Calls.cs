using System.Text.Json;
using Octokit;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>How every call of <see cref="OctokitGitHubPort"/> goes out (health, pacing, rate-limit hold) and how its answers are read.</summary>
public sealed partial class OctokitGitHubPort
{
    /// <param name="repo">Whose client (installation) makes the call and whose rate limits it counts against.</param>
    private async Task<T> CallAsync<T>(RepoRef repo, string request, Func<IGitHubClient, Task<T>> call, CancellationToken cancellationToken, bool createsContent = false)
    {
        var account = clients.AccountOf(repo);
        using var admitted = health?.Admit(account, request);
        try
        {
            var client = await clients.GetClientAsync(repo, cancellationToken).ConfigureAwait(false);
            if (createsContent && pacer is not null)
            {
                await pacer.WaitForSlotAsync(account, cancellationToken).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
            hold?.ThrowIfHeld(account, request);
            var result = await call(client).ConfigureAwait(false);
            admitted?.Answered();
            return result;
        }
        catch (ApiException e)
        {
            var failure = GitHubApiException.From(request, e);
            hold?.Observe(account, failure);
            Report(admitted, failure);
            throw failure;
        }
        catch (GitHubApiException failure) when (failure.InnerException is ApiException)
        {
            // Minting the installation's token failed (a call held back by a rate limit got no answer: not reported).
            Report(admitted, failure);
            throw;
        }
        catch (Exception e) when (GitHubFailures.IsOutage(e) && !cancellationToken.IsCancellationRequested)
        {
            admitted?.Failed();
            throw;
        }
    }

    private static void Report(GitHubHealth.Call? admitted, GitHubApiException failure)
    {
        if (GitHubFailures.IsOutage(failure))
        {
            admitted?.Failed();
        }
        else
        {
            admitted?.Answered();
        }
    }

    /// <summary>The <c>type.name</c> of an issue's JSON; null when it has no type.</summary>
    private static string? IssueTypeOf(string? json)
    {
        using var document = JsonDocument.Parse(json ?? "{}");
        return document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Object
            && type.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }

    private static IssueSnapshot ToSnapshot(Issue issue) => new()
    {
        Number = issue.Number,
        Id = issue.Id,
        Title = issue.Title,
        Body = issue.Body ?? "",
        IsOpen = issue.State.StringValue == "open",
        Labels = [.. issue.Labels.Select(label => label.Name)],
        Assignees = [.. issue.Assignees.Select(user => user.Login)],
        HtmlUrl = issue.HtmlUrl ?? "",
        ClosedAt = issue.ClosedAt,
        Author = issue.User?.Login ?? "",
        NodeId = issue.NodeId ?? "",
    };
}
