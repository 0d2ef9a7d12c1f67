using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// A GitHub REST API on a real loopback port, holding repositories in memory: a GitHub App with
/// JWT-authenticated installation endpoints, users' tokens (<c>GET /user</c>), installation tokens scoped to an owner (which read other owners'
/// public repositories only, see <see cref="FakeRepo.IsPublic"/>), issues,
/// comments, reactions, assignees, collaborator roles, labels, file contents, repository dispatches and the App manifest flow. The API is served at the root (no <c>/api/v3</c> prefix).
/// Repositories exist only once <see cref="Repo"/> has been called; owners need
/// <see cref="AddInstallation"/> before the app can get a token for them.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    /// <summary>The app's slug; writes made with an installation token are authored by <c>incident-app[bot]</c>.</summary>
    public const string AppSlug = "incident-app";
    public const string BotLogin = AppSlug + "[bot]";

    /// <summary>Whom a workflow's <c>GITHUB_TOKEN</c> writes as: the default author of <see cref="AddRepositoryToken"/>'s writes.</summary>
    public const string WorkflowBotLogin = "github-actions[bot]";

    /// <summary>GitHub's limit on issue and comment bodies.</summary>
    public const int MaxBodyLength = 65_536;

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    // One key per process: generating a 2048-bit key costs a noticeable slice of a test's time.
    private static readonly Lazy<string> SharedKeyPem = new(() =>
    {
        using var key = RSA.Create(2048);
        return key.ExportRSAPrivateKeyPem();
    });

    private readonly RSA _key = RSA.Create();
    private readonly ConcurrentDictionary<string, FakeRepo> _repos = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, long> _installations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _manifestCodes = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private WebApplication? _app;
    private long _lastId = 1000;

    private FakeGitHubServer(TimeProvider time)
    {
        _time = time;
        AppPrivateKeyPem = SharedKeyPem.Value;
        _key.ImportFromPem(AppPrivateKeyPem);
        JwtValidator = new FakeAppJwtValidator(_key, AppId, time);
    }

    public Uri BaseUrl { get; private set; } = null!;
    public long AppId { get; } = 4242;

    /// <summary>PKCS#1 PEM (<c>BEGIN RSA PRIVATE KEY</c>), as GitHub hands out app keys; the same for every server in a process.</summary>
    public string AppPrivateKeyPem { get; }

    /// <summary>The manifest last posted to the manifest flow's page, null before.</summary>
    public JsonObject? RegisteredManifest { get; private set; }

    /// <summary>The organisation the manifest was posted for, null for a user's account.</summary>
    public string? RegisteredOrganization { get; private set; }

    /// <summary>The webhook secret the manifest flow hands out with the App.</summary>
    public string ManifestWebhookSecret { get; } = "manifest-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    internal FakeAppJwtValidator JwtValidator { get; }
    internal TimeProvider Time => _time;
    internal FakeGitHubJson Json { get; private set; } = null!;

    /// <param name="timeProvider">The clock for JWT checks, token expiry and timestamps; share it with the client under test.</param>
    public static async Task<FakeGitHubServer> StartAsync(TimeProvider? timeProvider = null)
    {
        var server = new FakeGitHubServer(timeProvider ?? TimeProvider.System);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(server.RecordAsync);
        app.MapFakeAppEndpoints(server);
        app.MapFakeUserEndpoints(server);
        app.MapFakeRepoEndpoints(server);
        app.MapFakeManifestEndpoints(server);
        app.MapFakeNativeEndpoints(server);
        app.MapFakeIssueFieldEndpoints(server);
        app.MapFakeGraphQLEndpoints(server);
        app.MapFallback(() => FakeResults.NotFound());
        await app.StartAsync().ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._app = app;
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        server.Json = new FakeGitHubJson(server.BaseUrl);
        return server;
    }

    public void AddInstallation(string owner, long installationId) => _installations[owner] = installationId;

    /// <summary>
    /// Accepts <paramref name="token"/> for <paramref name="owner"/>'s repositories, like a workflow's
    /// <c>GITHUB_TOKEN</c> or a user's token: no installation behind it and no expiry. Writes made with it are
    /// authored by <paramref name="author"/>; <c>GET /user</c> names an author that is not a bot.
    /// </summary>
    public void AddRepositoryToken(string owner, string token, string author = WorkflowBotLogin) =>
        _tokens[token] = new IssuedToken(owner, 0, DateTimeOffset.MaxValue, author);

    /// <summary>Uninstalls the app from <paramref name="owner"/>: its installation is gone and its tokens stop working, as on GitHub.</summary>
    public void RemoveInstallation(string owner)
    {
        if (_installations.TryRemove(owner, out var installationId))
        {
            foreach (var (token, _) in _tokens.Where(pair => pair.Value.InstallationId == installationId))
            {
                _tokens.TryRemove(token, out _);
            }
        }
    }

    /// <summary>Gets or creates the repository <c>owner/name</c>.</summary>
    public FakeRepo Repo(string owner, string name) =>
        _repos.GetOrAdd($"{owner}/{name}", _ => new FakeRepo(owner, name, NextId, _time));

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _key.Dispose();
    }

    internal string IssueManifestCode(JsonObject manifest, string? organization)
    {
        RegisteredManifest = manifest;
        RegisteredOrganization = organization;
        var code = FakeManifestEndpoints.NewCode();
        _manifestCodes[code] = 0;
        return code;
    }

    internal bool RedeemManifestCode(string code) => _manifestCodes.TryRemove(code, out _);

    internal long NextId() => Interlocked.Increment(ref _lastId);

    internal FakeRepo? FindRepo(string owner, string name) => _repos.GetValueOrDefault($"{owner}/{name}");

    internal long? FindInstallation(string owner) => _installations.TryGetValue(owner, out var id) ? id : null;

    internal string? FindInstallationOwner(long installationId) =>
        _installations.FirstOrDefault(pair => pair.Value == installationId).Key;

    internal (string Token, DateTimeOffset ExpiresAt) IssueToken(long installationId, string owner)
    {
        var token = "ghs_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
        var expiresAt = _time.GetUtcNow() + TokenLifetime;
        _tokens[token] = new IssuedToken(owner, installationId, expiresAt, BotLogin);
        return (token, expiresAt);
    }

    /// <summary>
    /// The owner whose installation (or repositories, for a workflow token) the token of an <c>Authorization</c>
    /// header acts for, whether or not it is still live; null for a token the server never issued.
    /// </summary>
    public string? TokenOwner(string? authorization) =>
        FakeAuthorization.Credential(authorization) is { } token && _tokens.TryGetValue(token, out var issued) ? issued.Owner : null;

    /// <summary>Null when <paramref name="token"/> is live, with the <paramref name="owner"/> it acts for; otherwise why not.</summary>
    internal string? CheckToken(string token, out string owner)
    {
        owner = "";
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return "Bad credentials";
        }

        owner = issued.Owner;
        return issued.ExpiresAt <= _time.GetUtcNow() ? "Bad credentials: the installation token has expired" : null;
    }

    /// <summary>Who writes with <paramref name="token"/>, a live token (see <see cref="CheckToken"/>).</summary>
    internal string AuthorOf(string token) => _tokens[token].Author;

    /// <summary>The user a live token acts as; null for an installation's or a workflow's, which act as a bot.</summary>
    internal string? UserOf(string token) =>
        _tokens[token] is { InstallationId: 0, Author: var author } && !author.EndsWith("[bot]", StringComparison.Ordinal) ? author : null;

    private sealed record IssuedToken(string Owner, long InstallationId, DateTimeOffset ExpiresAt, string Author);
}
