namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// Everything the incident logic asks of GitHub. One method, one REST call, so that the
/// number of calls an operation costs is visible where the operation is applied.
/// </summary>
public interface IGitHubPort
{
    /// <summary><c>POST /repos/{o}/{r}/issues</c> with title, body, labels and assignees in one call.</summary>
    Task<IssueSnapshot> CreateIssueAsync(RepoRef repo, NewIssue issue, CancellationToken cancellationToken);

    /// <summary><c>GET /repos/{o}/{r}/issues/{n}</c>.</summary>
    Task<IssueSnapshot> GetIssueAsync(RepoRef repo, int number, CancellationToken cancellationToken);

    /// <summary><c>PATCH /repos/{o}/{r}/issues/{n}</c>; only the fields set in <paramref name="update"/> are sent.</summary>
    Task<IssueSnapshot> UpdateIssueAsync(RepoRef repo, int number, IssueUpdate update, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{o}/{r}/issues/{n}/comments</c>.</summary>
    Task AddCommentAsync(RepoRef repo, int number, string body, CancellationToken cancellationToken);

    /// <summary>
    /// <c>GET /repos/{o}/{r}/issues/{n}/comments?since=</c>: the bodies of the comments changed since <paramref name="since"/>,
    /// oldest first (a retried delivery reads them to learn whether its comment went out before it failed).
    /// </summary>
    Task<IReadOnlyList<string>> ListCommentBodiesAsync(RepoRef repo, int number, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>
    /// Every issue, open or closed, that carries <paramref name="label"/> (all pages of <c>GET /repos/{o}/{r}/issues</c>);
    /// with <paramref name="updatedSince"/>, only those updated since then (GitHub's <c>since</c>); with <paramref name="openOnly"/>,
    /// only the open ones (GitHub's <c>state=open</c>).
    /// </summary>
    Task<IReadOnlyList<IssueSnapshot>> ListIssuesWithLabelAsync(
        RepoRef repo, string label, CancellationToken cancellationToken, DateTimeOffset? updatedSince = null, bool openOnly = false);

    /// <summary>Whether the repository is private (or internal): <c>private</c> of <c>GET /repos/{o}/{r}</c>.</summary>
    Task<bool> IsPrivateAsync(RepoRef repo, CancellationToken cancellationToken);

    /// <summary>Names of all labels of the repository (all pages of <c>GET /repos/{o}/{r}/labels</c>).</summary>
    Task<IReadOnlyList<string>> ListLabelsAsync(RepoRef repo, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{o}/{r}/labels</c>; a label that already exists is not an error.</summary>
    Task CreateLabelAsync(RepoRef repo, LabelSpec label, CancellationToken cancellationToken);

    /// <summary>
    /// A person's role in the repository, from <c>role_name</c> of
    /// <c>GET /repos/{o}/{r}/collaborators/{user}/permission</c>; <see cref="RepoPermission.None"/> when they have none.
    /// </summary>
    Task<RepoPermission> GetPermissionAsync(RepoRef repo, string login, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{o}/{r}/issues/comments/{id}/reactions</c>; <paramref name="content"/> is GitHub's name (eyes, rocket, confused, ...).</summary>
    Task AddReactionAsync(RepoRef repo, long commentId, string content, CancellationToken cancellationToken);

    /// <summary><c>POST /repos/{o}/{r}/issues/{n}/assignees</c>. GitHub silently skips people it cannot assign: compare the result's assignees.</summary>
    Task<IssueSnapshot> AddAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    /// <summary><c>DELETE /repos/{o}/{r}/issues/{n}/assignees</c>.</summary>
    Task<IssueSnapshot> RemoveAssigneesAsync(RepoRef repo, int number, IReadOnlyList<string> logins, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /repos/{o}/{r}/issues/{n}/sub_issues</c>: files the issue with id <paramref name="childId"/> (its id, not its
    /// number) under issue <paramref name="parent"/>. False where GitHub has no sub-issues (it answers 404); a child filed
    /// there already counts as done.
    /// </summary>
    Task<bool> AddSubIssueAsync(RepoRef repo, int parent, long childId, CancellationToken cancellationToken);

    /// <summary>The text of a file on the default branch (<c>GET /repos/{o}/{r}/contents/{path}</c>); null when there is none.</summary>
    Task<string?> GetFileAsync(RepoRef repo, string path, CancellationToken cancellationToken);

    /// <summary>
    /// A file of <paramref name="repo"/> read with the credentials that act on <paramref name="readingFor"/> (its
    /// installation, or the Action's token), so a config reads another repository only as far as its own repository
    /// may (<c>_extends</c>); null when there is no such file or those credentials cannot see it (GitHub answers 404 to both).
    /// </summary>
    Task<string?> GetFileAsync(RepoRef readingFor, RepoRef repo, string path, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /graphql</c> with the installation of <paramref name="repo"/>: what GitHub has only in GraphQL (pinning issues).
    /// GraphQL answers its errors with 200: they are in the answer, not thrown.
    /// </summary>
    Task<GraphQLAnswer> GraphQLAsync(RepoRef repo, string query, IReadOnlyDictionary<string, object> variables, CancellationToken cancellationToken);

    /// <summary>
    /// The issue fields of <paramref name="repo"/>'s owner (<c>GET /orgs/{owner}/issue-fields</c>, with the repository's
    /// installation); null where GitHub answers 404: a personal account, or an organisation without issue fields.
    /// </summary>
    Task<IReadOnlyList<OrgIssueField>?> ListIssueFieldsAsync(RepoRef repo, CancellationToken cancellationToken);

    /// <summary>
    /// <c>POST /repos/{o}/{r}/issues/{n}/issue-field-values</c>: sets these fields of the issue and leaves its others
    /// (<c>PUT</c> would replace them all).
    /// </summary>
    Task SetIssueFieldValuesAsync(RepoRef repo, int number, IReadOnlyList<IssueFieldValue> values, CancellationToken cancellationToken);
}

/// <summary>A GraphQL answer: its <c>data</c> (an empty object when none) and the messages of its <c>errors</c>.</summary>
public sealed record GraphQLAnswer(System.Text.Json.JsonElement Data, IReadOnlyList<string> Errors)
{
    public bool Failed => Errors.Count > 0;

    /// <summary>Reads GitHub's answer text.</summary>
    public static GraphQLAnswer Parse(string? json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(string.IsNullOrEmpty(json) ? "{}" : json);
        var root = document.RootElement;
        var data = root.TryGetProperty("data", out var d) && d.ValueKind == System.Text.Json.JsonValueKind.Object ? d.Clone() : Empty;
        IReadOnlyList<string> errors = root.TryGetProperty("errors", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(error => error.TryGetProperty("message", out var m) ? m.GetString() ?? "" : error.ToString())]
            : [];
        return new GraphQLAnswer(data, errors);
    }

    private static System.Text.Json.JsonElement Empty => System.Text.Json.JsonDocument.Parse("{}").RootElement.Clone();
}

public sealed record IssueSnapshot
{
    public required int Number { get; init; }

    /// <summary>GitHub's id of the issue, which the sub-issues API takes instead of the number.</summary>
    public long Id { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required bool IsOpen { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }
    public IReadOnlyList<string> Assignees { get; init; } = [];
    public string HtmlUrl { get; init; } = "";
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Who opened the issue (<c>user.login</c>); only the app's own issues carry incidents.</summary>
    public string Author { get; init; } = "";

    /// <summary>The name of its organisation issue type (<c>type.name</c>); null when it has none.</summary>
    public string? Type { get; init; }

    /// <summary>GitHub's GraphQL id of the issue (<c>node_id</c>), which GraphQL mutations take.</summary>
    public string NodeId { get; init; } = "";
}

public sealed record NewIssue
{
    public required string Title { get; init; }
    public required string Body { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>The organisation's issue type to set (<c>type</c>); GitHub drops a type it does not know or let the app set, silently.</summary>
    public string? Type { get; init; }

    /// <summary>
    /// Organisation issue field values to set (<c>issue_field_values</c>). GitHub drops them silently where the
    /// repository has no issue fields, and may refuse the call (422) for a field or option it does not know.
    /// </summary>
    public IReadOnlyList<IssueFieldValue> FieldValues { get; init; } = [];
}

/// <summary>A partial update: null fields are left as they are on GitHub.</summary>
public sealed record IssueUpdate
{
    public bool? Open { get; init; }

    public string? Title { get; init; }

    /// <summary>Sent with a close: <c>completed</c> or <c>not_planned</c>.</summary>
    public string? StateReason { get; init; }
    public string? Body { get; init; }

    /// <summary>Replaces the whole label set.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    public bool IsEmpty => Open is null && Title is null && Body is null && Labels is null;
}

public sealed record LabelSpec(string Name, string Color, string Description);
