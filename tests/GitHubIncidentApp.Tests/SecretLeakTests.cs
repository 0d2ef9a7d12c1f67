using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.Postgres;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The app's secrets never show in its logs (every level, every category, exceptions written out), in its
/// answers (error bodies and headers, <c>/healthz</c>, <c>/metrics</c>, the failed-delivery list) or in its
/// settings errors, whatever goes wrong: bad credentials, forged signatures, GitHub refusing or failing, a broken
/// config file, bad settings at start-up.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SecretLeakTests(PostgresServer postgres) : AppTestBase
{
    private const string WebhookSecret = "whsec-Sup3rS3cret-5f1d2c";
    private const string AlertmanagerToken = "amtok-Sup3rS3cret-9b8a7c";
    private const string TeamToken = "amtok-Te4mS3cret-1e2d3c";

    /// <summary>A database on the real PostgreSQL, reached with a password.</summary>
    private string _databaseUrl = "";

    private string DatabasePassword => new Uri(_databaseUrl).UserInfo.Split(':')[1];

    private readonly HostileLog _log = new();
    private readonly StringBuilder _answers = new();

    private Dictionary<string, string?> Settings => new()
    {
        ["WEBHOOK_SECRET"] = WebhookSecret,
        ["ALERTMANAGER_TOKEN"] = AlertmanagerToken,
        ["ALLOWED_REPOS"] = "operate-first/*, someone-else/*",
        ["DATABASE_URL"] = _databaseUrl,
        ["LOG_LEVEL"] = "trace",
    };

    protected override async Task<RunningApp> StartAppAsync()
    {
        _databaseUrl = await postgres.CreateDatabaseAsync();
        return await RunningApp.StartAsync(GitHub, settings: Settings, services: _log.AddTo);
    }

    /// <summary>The secrets of this app: its own settings, the app's private key, and every credential it sent GitHub.</summary>
    private List<string> Secrets()
    {
        var keyBody = string.Concat(GitHub.AppPrivateKeyPem.Split('\n').Where(line => !line.StartsWith("-----", StringComparison.Ordinal)));
        var credentials = GitHub.Requests
            .Select(r => r.Authorization?.Split(' ').Last())
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.Contains(credentials, c => c.StartsWith("ghs_", StringComparison.Ordinal));
        Assert.Contains(credentials, c => c.StartsWith("eyJ", StringComparison.Ordinal));
        return [WebhookSecret, AlertmanagerToken, DatabasePassword, keyBody, .. credentials];
    }

    /// <summary>Every 16 characters of each secret, 8 apart: a leak of 24 characters or more contains one.</summary>
    private static IEnumerable<string> Fragments(IEnumerable<string> secrets) =>
        secrets.SelectMany(secret => Enumerable.Range(0, Math.Max(1, ((secret.Length - 16) / 8) + 1)).Select(i => secret.Substring(i * 8, Math.Min(16, secret.Length))));

    private static void AssertNoneIn(string text, IEnumerable<string> secrets, string where)
    {
        var leaked = Fragments(secrets).FirstOrDefault(fragment => text.Contains(fragment, StringComparison.Ordinal));
        Assert.True(leaked is null, $"'{leaked}' of a secret is in the {where}:\n{text}");
    }

    private async Task<HttpStatusCode> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var client = new HttpClient { BaseAddress = App.BaseUrl };
            using var response = await client.SendAsync(request);
            _answers.Append(response.StatusCode).Append('\n').Append(response.Headers).Append(response.Content.Headers)
                .Append(await response.Content.ReadAsStringAsync()).Append('\n');
            return response.StatusCode;
        }
    }

    private static HttpRequestMessage Alerts(string? authorization, string repo = "operate-first/incidents", string? json = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"api/alertmanager/{repo}")
        {
            Content = new StringContent(json ?? Fixtures.Alertmanager("firing-critical"), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        return request;
    }

    private static HttpRequestMessage Get(string path) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", AlertmanagerToken) } };

    private Task WaitForLogAsync(string text) => WaitAsync(() => _log.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)), $"a log entry with '{text}'");

    private static async Task WaitAsync(Func<bool> done, string what)
    {
        for (var waited = 0; !done(); waited += 20)
        {
            Assert.True(waited < 20_000, $"waited 20 s for {what}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task No_secret_reaches_a_log_an_answer_or_the_metrics_whatever_fails()
    {
        // Refused senders, the sender's own secret half right.
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Alerts("Bearer " + AlertmanagerToken[..^1])));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Alerts("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AlertmanagerToken}:wrong")))));
        var comment = Fixtures.Bytes("github/issue_comment.created.json");
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HostileTestBase.WebhookRequest("issue_comment", comment, Webhooks.Sign(comment, WebhookSecret[..^1]), "forged")));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(HostileTestBase.WebhookRequest("issue_comment", comment, Webhooks.Sign([.. comment, (byte)' '], WebhookSecret), "changed")));

        // An incident opens (the app mints its token), then GitHub refuses and fails, and the config file is broken.
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(Alerts("Bearer " + AlertmanagerToken)));
        await App.WaitUntilIdleAsync();
        Repo.SetFile(".github/incidents.yml", "severity: [unclosed\n");
        GitHub.FailWith = request => request.Method == "PATCH" ? 401 : request is { Method: "POST", Path: "/repos/operate-first/incidents/issues" } ? 500 : null;
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(Alerts("Bearer " + AlertmanagerToken, json: Fixtures.Alertmanager("resolved"))));
        await WaitForLogAsync("failed on attempt 1");
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(Alerts("Bearer " + AlertmanagerToken, json: HostileTestBase.Alerts(root => root["groupLabels"]!["alertname"] = "Other"))));
        await WaitAsync(() => _log.Entries.Count(e => e.Message.Contains("failed on attempt 1", StringComparison.Ordinal)) >= 2, "a second retry");

        // A repository the app is not installed on is parked, and listed with its error.
        Assert.Equal(HttpStatusCode.Accepted, await SendAsync(Alerts("Bearer " + AlertmanagerToken, "someone-else/repo")));
        await WaitForLogAsync("parked as failed");
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Get("api/deliveries?state=failed")));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Get("healthz")));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Get("metrics")));

        var secrets = Secrets();
        var logs = string.Join('\n', _log.Entries);
        AssertNoneIn(logs, secrets, "log");
        AssertNoneIn(_answers.ToString(), secrets, "answers");
        Assert.Contains("401", logs, StringComparison.Ordinal);
        Assert.Contains("500", logs, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_print_whether_a_secret_is_set_never_the_secret()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["APP_ID"] = "4242",
            ["PRIVATE_KEY"] = GitHub.AppPrivateKeyPem,
            ["WEBHOOK_SECRET"] = WebhookSecret,
            ["ALERTMANAGER_TOKEN"] = AlertmanagerToken,
            ["ALLOWED_REPOS"] = "operate-first/*",
            ["ALERTMANAGER_TOKEN_TEAM_B"] = TeamToken,
            ["ALLOWED_REPOS_TEAM_B"] = "team-b/*",
            ["DATABASE_URL"] = _databaseUrl,
        }).Build();

        var text = AppSettings.Load(config, devMode: false).Settings!.ToString();

        Assert.Contains($"WEBHOOK_SECRET=(set, {WebhookSecret.Length} chars)", text, StringComparison.Ordinal);
        Assert.Contains($"ALERTMANAGER_TOKEN=(set, {AlertmanagerToken.Length} chars), ALLOWED_REPOS=operate-first/*", text, StringComparison.Ordinal);
        Assert.Contains($"ALERTMANAGER_TOKEN_TEAM_B=(set, {TeamToken.Length} chars), ALLOWED_REPOS_TEAM_B=team-b/*", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamToken, text, StringComparison.Ordinal);
        Assert.Contains("PRIVATE_KEY=(set, ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AlertmanagerToken, text, StringComparison.Ordinal);
        Assert.DoesNotContain(DatabasePassword, text, StringComparison.Ordinal);
        Assert.Contains("DATABASE_URL=", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nS3cr3tKeyMaterialThatIsNotAKey0123456789\n-----END RSA PRIVATE KEY-----")]
    [InlineData("S3cr3tKeyMaterialThatIsNotAKey0123456789")]
    public void A_broken_private_key_is_reported_without_its_content(string key)
    {
        var errors = new StringWriter();
        var settings = new Dictionary<string, string?>(Settings) { ["APP_ID"] = "4242", ["PRIVATE_KEY"] = key, ["PORT"] = "0", ["HOST"] = "127.0.0.1" };

        var app = IncidentApp.Build([], errors, settings);

        Assert.Null(app);
        Assert.Contains("PRIVATE_KEY is not an RSA private key", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("S3cr3tKeyMaterial", errors.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WebhookSecret, errors.ToString(), StringComparison.Ordinal);
    }
}
