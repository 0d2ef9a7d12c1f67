using System.Text.Json.Nodes;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class GitHubEventParserTests
{
    private const string DeliveryId = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

    /// <summary>What each recorded payload must become: the event type, or null for ignored.</summary>
    private static readonly Dictionary<string, Type?> FixtureOutcomes = new()
    {
        ["installation.created.json"] = typeof(InstallationEvent),
        ["installation.deleted.json"] = typeof(InstallationEvent),
        ["installation_repositories.added.json"] = typeof(InstallationEvent),
        ["issue_comment.created.json"] = typeof(IssueCommentEvent),
        ["issue_comment.deleted.json"] = null,
        ["issue_comment.edited.json"] = typeof(IssueCommentEvent),
        ["issues.assigned.json"] = typeof(IssueChangeEvent),
        ["issues.edited.json"] = typeof(IssueChangeEvent),
        ["issues.labeled.json"] = typeof(IssueChangeEvent),
        ["issues.opened.json"] = null,
        ["issues.reopened.json"] = typeof(IssueChangeEvent),
        ["issues.unlabeled.json"] = typeof(IssueChangeEvent),
        ["ping.event.json"] = typeof(PingEvent),
    };

    private static string Fixture(string name) => Fixtures.Text($"github/{name}.json");

    /// <summary>The event name is the fixture's name up to the first dot, as GitHub names it in X-GitHub-Event.</summary>
    private static GitHubEventParseResult ParseFixture(string name) =>
        GitHubEventParser.Parse(name[..name.IndexOf('.', StringComparison.Ordinal)], Fixture(name), DeliveryId);

    private static T ParseFixture<T>(string name)
        where T : GitHubEvent
    {
        var result = ParseFixture(name);
        Assert.Null(result.Error);
        return Assert.IsType<T>(result.Event);
    }

    private static GitHubEventParseResult ParseChanged(string eventName, string fixture, Action<JsonObject> change)
    {
        var payload = JsonNode.Parse(Fixture(fixture))!.AsObject();
        change(payload);
        return GitHubEventParser.Parse(eventName, payload.ToJsonString(), DeliveryId);
    }

    [Fact]
    public void Every_recorded_payload_is_read_or_ignored()
    {
        var files = Directory.GetFiles(Fixtures.PathOf("github"), "*.json").Select(Path.GetFileName).Order().ToList();

        Assert.Equal(FixtureOutcomes.Keys.Order(), files);
        foreach (var file in files)
        {
            var result = ParseFixture(file![..^".json".Length]);
            Assert.True(result.Error is null, $"{file}: {result.Error}");
            Assert.Equal(FixtureOutcomes[file], result.Event?.GetType());
            Assert.Equal(FixtureOutcomes[file] is null, result.IgnoredReason is not null);
        }
    }

    [Fact]
    public void Reads_a_new_comment_with_its_issue()
    {
        var comment = ParseFixture<IssueCommentEvent>("issue_comment.created");

        Assert.Equal(DeliveryId, comment.DeliveryId);
        Assert.Equal(new GitHubActor("Codertocat", IsBot: false), comment.Sender);
        Assert.Equal(new RepoRef("Codertocat", "Hello-World"), comment.Repo);
        Assert.Equal("created", comment.Action);
        Assert.Equal(492700400, comment.CommentId);
        Assert.Equal("You are totally right! I'll get this fixed right away.", comment.Body);
        var issue = comment.Issue;
        Assert.Equal(1, issue.Number);
        Assert.Equal("Spelling error in the README file", issue.Title);
        Assert.Equal("It looks like you accidently spelled 'commit' with two 't's.", issue.Body);
        Assert.True(issue.IsOpen);
        Assert.Equal(["bug"], issue.Labels);
        Assert.Equal(["Codertocat"], issue.Assignees);
        Assert.Equal("https://github.com/Codertocat/Hello-World/issues/1", issue.HtmlUrl);
        Assert.Null(issue.ClosedAt);
        Assert.Equal("Codertocat", issue.Author);
    }

    [Fact]
    public void Reads_an_edited_comment_with_its_new_body()
    {
        var comment = ParseFixture<IssueCommentEvent>("issue_comment.edited");

        Assert.Equal("edited", comment.Action);
        Assert.Equal("You are totally right! I'll get this fixed today.", comment.Body);
    }

    [Theory]
    [InlineData("issues.labeled", "labeled", "bug", null)]
    [InlineData("issues.unlabeled", "unlabeled", "bug", null)]
    [InlineData("issues.assigned", "assigned", null, "Codertocat")]
    [InlineData("issues.edited", "edited", null, null)]
    public void Reads_what_changed_on_an_issue(string fixture, string action, string? label, string? assignee)
    {
        var change = ParseFixture<IssueChangeEvent>(fixture);

        Assert.Equal(action, change.Action);
        Assert.Equal(label, change.Label);
        Assert.Equal(assignee, change.Assignee);
        Assert.Equal(new RepoRef("Codertocat", "Hello-World"), change.Repo);
        Assert.Equal(1, change.Issue.Number);
    }

    [Fact]
    public void Reads_a_reopened_issue_with_an_empty_body_and_its_last_close()
    {
        var change = ParseFixture<IssueChangeEvent>("issues.reopened");

        Assert.Equal("reopened", change.Action);
        Assert.True(change.Issue.IsOpen);
        Assert.Equal("", change.Issue.Body);
        Assert.Equal(new DateTimeOffset(2021, 7, 5, 18, 7, 10, TimeSpan.Zero), change.Issue.ClosedAt);
    }

    [Fact]
    public void Reads_a_closed_issue_with_a_null_body()
    {
        var result = ParseChanged("issues", "issues.reopened", payload =>
        {
            payload["action"] = "closed";
            payload["issue"]!["state"] = "closed";
            payload["issue"]!["body"] = null;
        });

        var change = Assert.IsType<IssueChangeEvent>(result.Event);
        Assert.Equal("closed", change.Action);
        Assert.False(change.Issue.IsOpen);
        Assert.Equal("", change.Issue.Body);
    }

    [Theory]
    [InlineData("installation.created", "created", 957387, "Codertocat")]
    [InlineData("installation.deleted", "deleted", 2, "octocat")]
    [InlineData("installation_repositories.added", "added", 957387, "Codertocat")]
    public void Reads_installations_with_their_account(string fixture, string action, long id, string account)
    {
        var installation = ParseFixture<InstallationEvent>(fixture);

        Assert.Equal(action, installation.Action);
        Assert.Equal(id, installation.InstallationId);
        Assert.Equal(account, installation.Account);
    }

    [Fact]
    public void Reads_a_ping_even_without_a_sender()
    {
        var ping = ParseFixture<PingEvent>("ping.event");
        var bare = GitHubEventParser.Parse("ping", "{\"zen\":\"Keep it logically awesome.\"}", DeliveryId);

        Assert.Equal("Codertocat", ping.Sender.Login);
        Assert.IsType<PingEvent>(bare.Event);
    }

    [Theory]
    [InlineData("star", "{}")]
    [InlineData("pull_request", "not even JSON")]
    [InlineData("", "{}")]
    public void Ignores_events_that_are_not_used_without_reading_them(string eventName, string json)
    {
        var result = GitHubEventParser.Parse(eventName, json, DeliveryId);

        Assert.Null(result.Event);
        Assert.Null(result.Error);
        Assert.Contains($"'{eventName}' events are not used", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("issues", "issues.opened", "the 'opened' action of 'issues' events is not used")]
    [InlineData("issue_comment", "issue_comment.deleted", "the 'deleted' action of 'issue_comment' events is not used")]
    public void Ignores_actions_that_are_not_used(string eventName, string fixture, string reason)
    {
        var result = GitHubEventParser.Parse(eventName, Fixture(fixture), DeliveryId);

        Assert.Null(result.Event);
        Assert.Equal(reason, result.IgnoredReason);
    }

    [Theory]
    [InlineData("issue_comment", "issue_comment.created")]
    [InlineData("issues", "issues.labeled")]
    public void Ignores_pull_requests(string eventName, string fixture)
    {
        var result = ParseChanged(eventName, fixture, payload =>
            payload["issue"]!["pull_request"] = new JsonObject { ["url"] = "https://api.github.com/repos/Codertocat/Hello-World/pulls/1" });

        Assert.Null(result.Event);
        Assert.Null(result.Error);
        Assert.Contains("pull requests", result.IgnoredReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("User", "Codertocat", false)]
    [InlineData("Bot", "incident-app", true)]
    [InlineData("User", "dependabot[bot]", true)]
    [InlineData(null, "renovate[bot]", true)]
    public void Tells_bots_from_people(string? type, string login, bool isBot)
    {
        var result = ParseChanged("issue_comment", "issue_comment.created", payload =>
            payload["sender"] = new JsonObject { ["login"] = login, ["type"] = type });

        Assert.Equal(new GitHubActor(login, isBot), result.Event!.Sender);
    }

    [Theory]
    [InlineData("{", "the body is not valid JSON")]
    [InlineData("[]", "the 'issues' payload must be a JSON object")]
    [InlineData("{\"issue\":{}}", "'action' is missing")]
    [InlineData("{\"action\":7}", "'action' must be a string, not a number")]
    public void Names_what_makes_a_body_unusable(string json, string expected)
    {
        var result = GitHubEventParser.Parse("issues", json, DeliveryId);

        Assert.Null(result.Event);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, Action<JsonObject>, string> BrokenPayloads => new()
    {
        { "issues", "issues.labeled", p => p.Remove("issue"), "'issue' is missing" },
        { "issues", "issues.labeled", p => p["issue"]!["number"] = "1", "'issue.number' must be a whole number" },
        { "issues", "issues.labeled", p => p["issue"]!["number"] = 1.5, "'issue.number' must be a whole number" },
        { "issues", "issues.labeled", p => p["issue"]!.AsObject().Remove("title"), "'issue.title' is missing" },
        { "issues", "issues.labeled", p => p["issue"]!["state"] = "merged", "'issue.state' is \"merged\"; expected \"open\" or \"closed\"" },
        { "issues", "issues.labeled", p => p["issue"]!["labels"] = "bug", "'issue.labels' must be an array, not a string" },
        { "issues", "issues.labeled", p => p["issue"]!["labels"] = new JsonArray("bug"), "'issue.labels[0]' must be an object, not a string" },
        { "issues", "issues.labeled", p => p["issue"]!["assignees"] = new JsonArray(new JsonObject()), "'issue.assignees[0].login' is missing" },
        { "issues", "issues.labeled", p => p["issue"]!["closed_at"] = "yesterday", "'issue.closed_at' is \"yesterday\", not an ISO 8601 time" },
        { "issues", "issues.labeled", p => p["label"] = new JsonObject(), "'label.name' is missing" },
        { "issues", "issues.labeled", p => p["repository"]!["full_name"] = "Hello-World", "'repository.full_name' names no repository: 'Hello-World' is not owner/name" },
        { "issues", "issues.labeled", p => p["repository"]!["full_name"] = "own\n/x", "'repository.full_name' names no repository: 'own\\n' is not a GitHub owner name: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters" },
        { "issue_comment", "issue_comment.created", p => p["repository"]!["full_name"] = "own/..", "'repository.full_name' names no repository: '..' is not a GitHub repository name: letters, digits, '.', '-' and '_', at most 100 characters, not '.' or '..'" },
        { "issues", "issues.labeled", p => p.Remove("sender"), "'sender' is missing" },
        { "issues", "issues.labeled", p => p["sender"] = "Codertocat", "'sender' must be an object, not a string" },
        { "issue_comment", "issue_comment.created", p => p["comment"]!.AsObject().Remove("id"), "'comment.id' is missing" },
        { "installation", "installation.created", p => p["installation"]!.AsObject().Remove("account"), "'installation.account' is missing" },
        { "installation", "installation.created", p => p["installation"]!["account"]!["login"] = "octo\ncat", "'installation.account.login' names no account: 'octo\\ncat' is not a GitHub owner name: letters, digits and single hyphens, not starting or ending with a hyphen, at most 39 characters" },
        { "installation", "installation.created", p => p["installation"]!["id"] = -1.0e30, "'installation.id' must be a whole number" },
    };

    [Theory]
    [MemberData(nameof(BrokenPayloads))]
    public void Names_the_field_that_is_missing_or_of_the_wrong_type(string eventName, string fixture, Action<JsonObject> change, string expected)
    {
        var result = ParseChanged(eventName, fixture, change);

        Assert.Null(result.Event);
        Assert.Equal($"this is not a GitHub '{eventName}' webhook payload: {expected}", result.Error);
    }
}
