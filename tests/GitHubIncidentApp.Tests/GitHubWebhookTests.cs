using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

public sealed class GitHubWebhookTests : AppTestBase
{
    private const string DefaultPath = Webhooks.DefaultPath;

    private sealed record StoredDelivery(string Source, string DeliveryId, string Repo, string IncidentKey, string Payload);

    private static string Sign(byte[] body, string secret = RunningApp.WebhookSecret) => Webhooks.Sign(body, secret);

    private static byte[] Fixture(string name) => Fixtures.Bytes($"github/{name}.json");

    private static Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        Uri baseUrl, string eventName, byte[] body, string? signature, string deliveryId, string path = DefaultPath, string contentType = "application/json") =>
        Webhooks.PostAsync(baseUrl, eventName, body, signature, deliveryId, path, contentType);

    private Task<(HttpStatusCode Status, JsonElement Body)> DeliverAsync(string eventName, byte[] body, string deliveryId = "d-1") =>
        PostAsync(App.BaseUrl, eventName, body, Sign(body), deliveryId);

    /// <summary>Reads the inbox table itself: the worker may have taken a row already, the row stays.</summary>
    private async Task<List<StoredDelivery>> StoredAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={App.Services.GetRequiredService<SqliteDatabase>().FilePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT source, delivery_id, repo, incident_key, payload FROM inbox ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredDelivery>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return rows;
    }

    private static string Error(JsonElement body) => body.GetProperty("error").GetString()!;

    [Fact]
    public async Task Stores_a_signed_issue_comment_before_accepting_it()
    {
        var body = Fixture("issue_comment.created");

        var (status, answer) = await DeliverAsync("issue_comment", body, "c0ffee-1");

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal("accepted", answer.GetProperty("status").GetString());
        Assert.Equal("c0ffee-1", answer.GetProperty("deliveryId").GetString());
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(new StoredDelivery("github/issue_comment", "c0ffee-1", "Codertocat/Hello-World", "codertocat/hello-world#1", Encoding.UTF8.GetString(body)), stored);
    }

    [Theory]
    [InlineData("issues", "issues.labeled", "Codertocat/Hello-World", "codertocat/hello-world#1")]
    [InlineData("installation", "installation.created", "", "installation/957387")]
    [InlineData("installation_repositories", "installation_repositories.added", "", "installation/957387")]
    public async Task Orders_issue_events_by_issue_and_installation_events_by_installation(string eventName, string fixture, string repo, string key)
    {
        var (status, _) = await DeliverAsync(eventName, Fixture(fixture));

        Assert.Equal(HttpStatusCode.Accepted, status);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal(("github/" + eventName, repo, key), (stored.Source, stored.Repo, stored.IncidentKey));
    }

    [Fact]
    public async Task Takes_json_with_a_charset()
    {
        var body = Fixture("issues.labeled");

        var (status, _) = await PostAsync(App.BaseUrl, "issues", body, Sign(body), "d-1", contentType: "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task Stores_a_redelivery_only_once()
    {
        var body = Fixture("issues.labeled");

        var (first, _) = await DeliverAsync("issues", body, "same-delivery");
        var (again, _) = await DeliverAsync("issues", body, "same-delivery");

        Assert.Equal(HttpStatusCode.Accepted, first);
        Assert.Equal(HttpStatusCode.Accepted, again);
        Assert.Single(await StoredAsync());
    }

    public static TheoryData<string, string?, string> WrongSignatures
    {
        get
        {
            var body = Fixture("issue_comment.created");
            return new()
            {
                { "missing", null, "X-Hub-Signature-256 is missing" },
                { "empty", "", "X-Hub-Signature-256 is missing" },
                { "other secret", Sign(body, "not-the-secret"), "does not match the body" },
                { "other bytes", Sign([.. body, (byte)' ']), "does not match the body" },
                { "sha1", "sha1=" + Convert.ToHexStringLower(HMACSHA1.HashData(Encoding.UTF8.GetBytes(RunningApp.WebhookSecret), body)), "SHA-1 signatures are not accepted" },
                { "truncated", Sign(body)[..^2], "64 hex digits" },
            };
        }
    }

    [Theory]
    [MemberData(nameof(WrongSignatures))]
    public async Task Refuses_a_missing_or_wrong_signature_and_says_why(string why, string? signature, string expected)
    {
        var (status, answer) = await PostAsync(App.BaseUrl, "issue_comment", Fixture("issue_comment.created"), signature, "d-" + why);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Contains(expected, Error(answer), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Answers_a_ping_with_pong_and_stores_nothing()
    {
        var (status, answer) = await DeliverAsync("ping", Fixture("ping.event"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("pong", answer.GetProperty("status").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("star", "{\"action\":\"created\"}", "'star' events are not used")]
    [InlineData("issues", null, "the 'opened' action of 'issues' events is not used")]
    public async Task Ignores_events_that_are_not_used(string eventName, string? json, string reason)
    {
        var (status, answer) = await DeliverAsync(eventName, json is null ? Fixture("issues.opened") : Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ignored", answer.GetProperty("status").GetString());
        Assert.Equal(reason, answer.GetProperty("reason").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("{\"action\":", "the body is not valid JSON")]
    [InlineData("", "the body is not valid JSON")]
    [InlineData("[1]", "must be a JSON object")]
    [InlineData("{\"action\":\"labeled\"}", "'issue' is missing")]
    public async Task Refuses_a_signed_body_it_cannot_read(string json, string expected)
    {
        var (status, answer) = await DeliverAsync("issues", Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, Error(answer), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Refuses_a_signed_body_that_is_not_utf8()
    {
        var (status, answer) = await DeliverAsync("issues", [(byte)'"', 0xC3, 0x28, (byte)'"']);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("UTF-8", Error(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_deliveries_without_github_headers_or_json()
    {
        var body = Fixture("issues.labeled");

        var (noEvent, noEventAnswer) = await PostAsync(App.BaseUrl, "", body, Sign(body), "d-1");
        var (form, formAnswer) = await PostAsync(App.BaseUrl, "issues", body, Sign(body), "d-2", contentType: "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.BadRequest, noEvent);
        Assert.Contains("X-GitHub-Event", Error(noEventAnswer), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form);
        Assert.Contains("application/json", Error(formAnswer), StringComparison.Ordinal);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Refuses_bodies_over_5_mb()
    {
        var body = new byte[GitHubWebhookEndpoints.MaxBodyBytes + 1];

        var (status, answer) = await PostAsync(App.BaseUrl, "issues", body, Sign(body), "d-big");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("5 MB", Error(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_503_when_the_delivery_cannot_be_stored()
    {
        await using (var connection = new SqliteConnection($"Data Source={App.Services.GetRequiredService<SqliteDatabase>().FilePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ALTER TABLE inbox RENAME TO inbox_gone";
            await command.ExecuteNonQueryAsync();
        }

        var (status, answer) = await DeliverAsync("issues", Fixture("issues.labeled"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("could not be stored", Error(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listens_on_WEBHOOK_PATH()
    {
        await App.DisposeAsync();
        App = await RunningApp.StartAsync(GitHub, settings: new Dictionary<string, string?> { ["WEBHOOK_PATH"] = "/hooks/github" });
        var body = Fixture("issues.labeled");

        var (moved, _) = await PostAsync(App.BaseUrl, "issues", body, Sign(body), "d-1", "hooks/github");
        var (old, _) = await PostAsync(App.BaseUrl, "issues", body, Sign(body), "d-2");

        Assert.Equal(HttpStatusCode.Accepted, moved);
        Assert.Equal(HttpStatusCode.NotFound, old);
        Assert.Single(await StoredAsync());
    }

    [Theory]
    [InlineData("hooks", false)]
    [InlineData("/hooks/{id}", false)]
    [InlineData("/hooks?x=1", false)]
    [InlineData("/hooks/github", true)]
    public void Takes_only_a_plain_path_as_WEBHOOK_PATH(string path, bool valid)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create("WEBHOOK_PATH", (string?)path)]).Build();

        var (settings, problems) = AppSettings.Load(config, devMode: true);

        Assert.Equal(valid, settings is not null);
        Assert.Equal(valid ? path : null, settings?.WebhookPath);
        Assert.Equal(valid, !problems.Any(p => p.StartsWith("WEBHOOK_PATH", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Refuses_every_delivery_when_no_secret_is_set()
    {
        // Only --dev starts without WEBHOOK_SECRET; the library alone would then take unsigned deliveries.
        await using var app = await DevApp.StartAsync();
        var baseUrl = app.BaseUrl;
        var body = Fixture("issues.labeled");

        var (unsigned, answer) = await PostAsync(baseUrl, "issues", body, null, "d-1");
        var (signed, _) = await PostAsync(baseUrl, "issues", body, Sign(body), "d-2");

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned);
        Assert.Equal(HttpStatusCode.Unauthorized, signed);
        Assert.StartsWith("WEBHOOK_SECRET is not set", Error(answer), StringComparison.Ordinal);
    }
}
