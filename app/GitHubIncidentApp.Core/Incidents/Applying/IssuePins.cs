using System.Text.Json;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Pins and unpins incident issues through GraphQL (GitHub has no REST call for it). GitHub pins at most
/// <see cref="MaxPinned"/> issues a repository: when they are taken, the oldest pin the app made (its own issue, whose
/// marker says when) gives way; pins people made stay. A refusal is logged and the incident goes on; an outage or a
/// rate limit is thrown, so the delivery is retried as for any other call.
/// </summary>
public sealed partial class IssuePins(IGitHubPort github, IBotIdentity bot, DeliveryMetrics metrics, ILogger<IssuePins> logger)
{
    /// <summary>GitHub's limit of pinned issues per repository.</summary>
    public const int MaxPinned = 3;

    private const string PinMutation = "mutation($id: ID!) { pinIssue(input: {issueId: $id}) { issue { number } } }";
    private const string UnpinMutation = "mutation($id: ID!) { unpinIssue(input: {issueId: $id}) { issue { number } } }";
    private const string PinnedQuery =
        "query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { pinnedIssues(first: 3) { nodes { issue { id number body author { login } } } } } }";

    public DeclaredCounter Pins { get; } = new(metrics.Meter, "incident_app_pins",
        "Pins of incident issues, by action: pinned, unpinned, gave_way (the app's oldest pin taken off for a new one), refused (GitHub refused a pin or unpin).",
        ["action"], [["pinned"], ["unpinned"], ["gave_way"], ["refused"]]);

    /// <returns>The number of the issue whose pin gave way to this one (the app unpinned it); null when none did.</returns>
    public async Task<int?> PinAsync(RepoRef repo, IncidentIssue issue, CancellationToken cancellationToken)
    {
        try
        {
            var id = await NodeIdAsync(repo, issue, cancellationToken);
            var pinned = await MutateAsync(repo, PinMutation, id, cancellationToken);
            if (!pinned.Failed)
            {
                Pins.Increment("pinned");
                return null;
            }

            // Taken (or refused for another reason): only the app's own oldest pin may give way, and only once.
            if (await OldestOwnPinAsync(repo, issue.Number, cancellationToken) is not { } oldest)
            {
                NotPinned(repo.ToString(), issue.Number, string.Join("; ", pinned.Errors));
                return null;
            }

            var unpinned = await MutateAsync(repo, UnpinMutation, oldest.Id, cancellationToken);
            if (unpinned.Failed)
            {
                NotPinned(repo.ToString(), issue.Number, string.Join("; ", unpinned.Errors));
                return null;
            }

            Pins.Increment("gave_way");
            LogGaveWay(repo.ToString(), oldest.Number, issue.Number);
            var again = await MutateAsync(repo, PinMutation, id, cancellationToken);
            if (again.Failed)
            {
                NotPinned(repo.ToString(), issue.Number, string.Join("; ", again.Errors));
            }
            else
            {
                Pins.Increment("pinned");
            }

            return oldest.Number;
        }
        catch (GitHubApiException e) when (e.RateLimit is null && !GitHubFailures.IsOutage(e))
        {
            NotPinned(repo.ToString(), issue.Number, e.Message);
            return null;
        }
    }

    public async Task UnpinAsync(RepoRef repo, IncidentIssue issue, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await MutateAsync(repo, UnpinMutation, await NodeIdAsync(repo, issue, cancellationToken), cancellationToken);
            if (answer.Failed)
            {
                NotUnpinned(repo.ToString(), issue.Number, string.Join("; ", answer.Errors));
                return;
            }

            Pins.Increment("unpinned");
        }
        catch (GitHubApiException e) when (e.RateLimit is null && !GitHubFailures.IsOutage(e))
        {
            NotUnpinned(repo.ToString(), issue.Number, e.Message);
        }
    }

    // The issue as just created or updated carries its GraphQL id; one from the index alone is read first.
    private async Task<string> NodeIdAsync(RepoRef repo, IncidentIssue issue, CancellationToken cancellationToken) =>
        issue.NodeId is { Length: > 0 } id ? id : (await github.GetIssueAsync(repo, issue.Number, cancellationToken)).NodeId;

    private Task<GraphQLAnswer> MutateAsync(RepoRef repo, string mutation, string id, CancellationToken cancellationToken) =>
        github.GraphQLAsync(repo, mutation, new Dictionary<string, object> { ["id"] = id }, cancellationToken);

    /// <summary>The pinned issue the app pinned longest ago (its own issue, by its marker), other than <paramref name="pinning"/>.</summary>
    private async Task<(string Id, int Number)?> OldestOwnPinAsync(RepoRef repo, int pinning, CancellationToken cancellationToken)
    {
        var answer = await github.GraphQLAsync(repo, PinnedQuery, new Dictionary<string, object> { ["owner"] = repo.Owner, ["name"] = repo.Name }, cancellationToken);
        if (answer.Failed
            || !answer.Data.TryGetProperty("repository", out var repository) || repository.ValueKind != JsonValueKind.Object
            || !repository.TryGetProperty("pinnedIssues", out var pinned) || !pinned.TryGetProperty("nodes", out var nodes))
        {
            return null;
        }

        var login = await bot.GetLoginAsync(cancellationToken);
        var own = nodes.EnumerateArray()
            .Select(node => node.GetProperty("issue"))
            .Select(issue => (
                Id: issue.GetProperty("id").GetString() ?? "",
                Number: issue.GetProperty("number").GetInt32(),
                Author: issue.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? author.GetProperty("login").GetString() : null,
                PinnedAt: IssueBody.ReadState(issue.GetProperty("body").GetString())?.PinnedAt))
            // GraphQL names the app's bot without the "[bot]" REST adds.
            .Where(issue => issue.Number != pinning && issue.PinnedAt is not null && IsApp(issue.Author, login))
            .OrderBy(issue => issue.PinnedAt)
            .Select(issue => ((string Id, int Number)?)(issue.Id, issue.Number));
        return own.FirstOrDefault();
    }

    private static bool IsApp(string? author, string login) =>
        author is not null && (string.Equals(author, login, StringComparison.OrdinalIgnoreCase)
            || string.Equals(author + "[bot]", login, StringComparison.OrdinalIgnoreCase));

    // A refusal is counted and logged alike, wherever it comes from.
    private void NotPinned(string repo, int issueNumber, string reason)
    {
        Pins.Increment("refused");
        LogPinRefused(repo, issueNumber, reason);
    }

    private void NotUnpinned(string repo, int issueNumber, string reason)
    {
        Pins.Increment("refused");
        LogUnpinRefused(repo, issueNumber, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not pin issue {IssueNumber} of {Repo} ({Reason}); the incident goes on unpinned")]
    private partial void LogPinRefused(string repo, int issueNumber, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not unpin issue {IssueNumber} of {Repo} ({Reason}); unpin it by hand if it stays pinned")]
    private partial void LogUnpinRefused(string repo, int issueNumber, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unpinned issue {OldIssue} of {Repo}, the oldest incident the app pinned, to pin issue {IssueNumber}: GitHub pins three issues at most")]
    private partial void LogGaveWay(string repo, int oldIssue, int issueNumber);
}
