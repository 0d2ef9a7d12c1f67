using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Builds response bodies in GitHub's REST shapes (snake_case, the fields Octokit reads).</summary>
internal sealed class FakeGitHubJson(Uri baseUrl)
{
    public const string DocsUrl = "https://docs.github.com/rest";

    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Error(string message, params JsonObject[] errors)
    {
        var error = new JsonObject { ["message"] = message, ["documentation_url"] = DocsUrl };
        if (errors.Length > 0)
        {
            error["errors"] = new JsonArray([.. errors]);
        }

        return error;
    }

    public static JsonObject ValidationError(string resource, string field, string code, string? message = null)
    {
        var detail = new JsonObject { ["resource"] = resource, ["code"] = code, ["field"] = field };
        if (message is not null)
        {
            detail["message"] = message;
        }

        return Error("Validation Failed", detail);
    }

    public JsonObject User(string login)
    {
        var isBot = login.EndsWith("[bot]", StringComparison.Ordinal);
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = AccountId(login),
            ["node_id"] = $"U_{login}",
            ["avatar_url"] = Url($"avatars/{login}"),
            ["url"] = Url($"users/{login}"),
            ["html_url"] = Url(login),
            ["type"] = isBot ? "Bot" : "User",
            ["site_admin"] = false,
        };
    }

    public JsonObject Label(FakeRepo repo, FakeLabel label) => new()
    {
        ["id"] = label.Id,
        ["node_id"] = $"LA_{label.Id}",
        ["url"] = Url($"repos/{repo.Owner}/{repo.Name}/labels/{Uri.EscapeDataString(label.Name)}"),
        ["name"] = label.Name,
        ["color"] = label.Color,
        ["default"] = false,
        ["description"] = label.Description,
    };

    public JsonObject Issue(FakeRepo repo, FakeIssue issue)
    {
        var labels = repo.Labels;
        var issueUrl = $"repos/{repo.Owner}/{repo.Name}/issues/{issue.Number}";
        return new JsonObject
        {
            ["id"] = issue.Id,
            ["node_id"] = $"I_{issue.Id}",
            ["url"] = Url(issueUrl),
            ["repository_url"] = Url($"repos/{repo.Owner}/{repo.Name}"),
            ["labels_url"] = Url($"{issueUrl}/labels{{/name}}"),
            ["comments_url"] = Url($"{issueUrl}/comments"),
            ["events_url"] = Url($"{issueUrl}/events"),
            ["html_url"] = Url($"{repo.Owner}/{repo.Name}/issues/{issue.Number}"),
            ["number"] = issue.Number,
            ["title"] = issue.Title,
            // GitHub sends null, not "", for an issue without a body.
            ["body"] = issue.Body.Length == 0 ? null : issue.Body,
            ["user"] = User(issue.Author),
            ["labels"] = new JsonArray([.. issue.Labels.Select(name => Label(repo, labels.First(l => l.Name == name)))]),
            ["state"] = issue.State,
            ["state_reason"] = issue.StateReason,
            ["locked"] = false,
            ["assignee"] = issue.Assignees.Count > 0 ? User(issue.Assignees[0]) : null,
            ["assignees"] = new JsonArray([.. issue.Assignees.Select(User)]),
            ["milestone"] = null,
            ["comments"] = issue.Comments.Count,
            ["created_at"] = Date(issue.CreatedAt),
            ["updated_at"] = Date(issue.UpdatedAt),
            ["closed_at"] = issue.ClosedAt is { } closedAt ? Date(closedAt) : null,
            ["closed_by"] = null,
            ["author_association"] = "NONE",
            ["type"] = issue.Type is { } type ? IssueType(type) : null,
        };
    }

    /// <summary>An organisation's issue type, as <c>GET /orgs/{org}/issue-types</c> and an issue's <c>type</c> show it.</summary>
    public static JsonObject IssueType(string name) => new()
    {
        ["id"] = Math.Abs(StringComparer.Ordinal.GetHashCode(name)),
        ["node_id"] = $"IT_{name}",
        ["name"] = name,
        ["description"] = null,
        ["color"] = "gray",
        ["is_enabled"] = true,
    };

    public JsonObject Comment(FakeRepo repo, int issueNumber, FakeComment comment) => new()
    {
        ["id"] = comment.Id,
        ["node_id"] = $"IC_{comment.Id}",
        ["url"] = Url($"repos/{repo.Owner}/{repo.Name}/issues/comments/{comment.Id}"),
        ["html_url"] = Url($"{repo.Owner}/{repo.Name}/issues/{issueNumber}#issuecomment-{comment.Id}"),
        ["issue_url"] = Url($"repos/{repo.Owner}/{repo.Name}/issues/{issueNumber}"),
        ["user"] = User(comment.Author),
        ["created_at"] = Date(comment.CreatedAt),
        ["updated_at"] = Date(comment.CreatedAt),
        ["author_association"] = "NONE",
        ["body"] = comment.Body,
    };

    /// <summary>The body of <c>GET /repos/{o}/{r}/collaborators/{user}/permission</c>.</summary>
    public JsonObject Permission(FakeRole role)
    {
        var user = User(role.Login);
        user["permissions"] = new JsonObject
        {
            ["admin"] = role.AtLeast("admin"),
            ["maintain"] = role.AtLeast("maintain"),
            ["push"] = role.AtLeast("write"),
            ["triage"] = role.AtLeast("triage"),
            ["pull"] = role.AtLeast("read"),
        };
        user["role_name"] = role.Name;
        return new JsonObject { ["permission"] = role.LegacyPermission, ["role_name"] = role.Name, ["user"] = user };
    }

    public JsonObject Reaction(long id, string user, string content, DateTimeOffset createdAt) => new()
    {
        ["id"] = id,
        ["node_id"] = $"REA_{id}",
        ["user"] = User(user),
        ["content"] = content,
        ["created_at"] = Date(createdAt),
    };

    /// <summary>The app itself, as <c>GET /app</c> answers its JWT.</summary>
    public JsonObject App(long appId) => new()
    {
        ["id"] = appId,
        ["slug"] = FakeGitHubServer.AppSlug,
        ["node_id"] = $"A_{appId}",
        ["owner"] = User("operate-first"),
        ["name"] = "Incident App",
        ["description"] = "",
        ["external_url"] = Url(""),
        ["html_url"] = Url($"apps/{FakeGitHubServer.AppSlug}"),
        ["created_at"] = "2024-01-01T00:00:00Z",
        ["updated_at"] = "2024-01-01T00:00:00Z",
        ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read" },
        ["events"] = new JsonArray("issues", "issue_comment"),
    };

    public JsonObject Installation(long installationId, string owner, long appId) => new()
    {
        ["id"] = installationId,
        ["account"] = User(owner),
        ["repository_selection"] = "all",
        ["access_tokens_url"] = Url($"app/installations/{installationId}/access_tokens"),
        ["repositories_url"] = Url("installation/repositories"),
        ["html_url"] = Url($"settings/installations/{installationId}"),
        ["app_id"] = appId,
        ["app_slug"] = FakeGitHubServer.AppSlug,
        ["target_id"] = AccountId(owner),
        ["target_type"] = "Organization",
        ["permissions"] = new JsonObject { ["issues"] = "write", ["contents"] = "read", ["metadata"] = "read" },
        ["events"] = new JsonArray("issues", "issue_comment"),
        ["single_file_name"] = null,
        ["suspended_at"] = null,
        ["suspended_by"] = null,
    };

    /// <summary>The fields of <c>GET /repos/{o}/{r}</c> the app reads, and enough around them for Octokit.</summary>
    public JsonObject Repository(FakeRepo repo) => new()
    {
        ["id"] = AccountId($"{repo.Owner}/{repo.Name}"),
        ["node_id"] = $"R_{repo.Owner}_{repo.Name}",
        ["name"] = repo.Name,
        ["full_name"] = $"{repo.Owner}/{repo.Name}",
        ["owner"] = User(repo.Owner),
        ["private"] = !repo.IsPublic,
        ["visibility"] = repo.IsPublic ? "public" : "private",
        ["html_url"] = Url($"{repo.Owner}/{repo.Name}"),
        ["url"] = Url($"repos/{repo.Owner}/{repo.Name}"),
        ["default_branch"] = "main",
    };

    public JsonObject File(FakeRepo repo, string path, string content)
    {
        var apiUrl = Url($"repos/{repo.Owner}/{repo.Name}/contents/{path}");
        var htmlUrl = Url($"{repo.Owner}/{repo.Name}/blob/main/{path}");
        var sha = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(content)));
        return new JsonObject
        {
            ["type"] = "file",
            ["encoding"] = "base64",
            ["size"] = Encoding.UTF8.GetByteCount(content),
            ["name"] = path[(path.LastIndexOf('/') + 1)..],
            ["path"] = path,
            ["content"] = Base64Lines(content),
            ["sha"] = sha,
            ["url"] = apiUrl,
            ["git_url"] = Url($"repos/{repo.Owner}/{repo.Name}/git/blobs/{sha}"),
            ["html_url"] = htmlUrl,
            ["download_url"] = Url($"raw/{repo.Owner}/{repo.Name}/main/{path}"),
            ["_links"] = new JsonObject { ["self"] = apiUrl, ["git"] = Url($"repos/{repo.Owner}/{repo.Name}/git/blobs/{sha}"), ["html"] = htmlUrl },
        };
    }

    public string Url(string relative) => new Uri(baseUrl, relative).ToString();

    /// <summary>GitHub wraps base64 content at 60 characters with <c>\n</c>; clients must cope.</summary>
    private static string Base64Lines(string content) =>
        string.Join('\n', Convert.ToBase64String(Encoding.UTF8.GetBytes(content)).Chunk(60).Select(c => new string(c))) + "\n";

    /// <summary>The same id for a login throughout a run.</summary>
    private static long AccountId(string login) => Math.Abs((long)StringComparer.OrdinalIgnoreCase.GetHashCode(login)) + 1;
}
