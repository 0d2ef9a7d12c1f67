using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// A GitHub REST API on a real loopback port, holding repositories in memory: a GitHub App with
/// JWT-authenticated installation endpoints, installation tokens scoped to an owner, issues,
/// comments, reactions, assignees, collaborator roles, labels and file contents. The API is served at the root (no <c>/api/v3</c> prefix).
/// Repositories exist only once <see cref="Repo"/> has been called; owners need
/// <see cref="AddInstallation"/> before the app can get a token for them.
/// </summary>
public sealed class FakeGitHubServer : IAsyncDisposable
{
    /// <summary>The app's slug; writes made with an installation token are authored by <c>incident-app[bot]</c>.</summary>
    public const string AppSlug = "incident-app";
    public const string BotLogin = AppSlug + "[bot]";

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
    private readonly List<RecordedRequest> _requests = [];
    private long _arrivals;
    private readonly Lock _requestsGate = new();
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

    /// <summary>Every request in the order it completed.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Called before a request is handled; a non-null status fails it with that status and a JSON error.</summary>
    public Func<RecordedRequest, int?>? FailWith { get; set; }

    /// <summary>Called before a request is handled (before <see cref="FailWith"/>); a non-null fault is the answer, headers included.</summary>
    public Func<RecordedRequest, FakeFault?>? FaultWith { get; set; }

    /// <summary>
    /// Called first for every request; a non-null disruption slows it, cuts its connection or holds its answer
    /// back, around whatever answers it (<see cref="FaultWith"/>, <see cref="FailWith"/> or the API).
    /// </summary>
    public Func<RecordedRequest, FakeDisruption?>? DisruptWith { get; set; }

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
        app.MapFakeRepoEndpoints(server);
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
    /// <c>GITHUB_TOKEN</c>: no installation behind it and no expiry. Writes are authored as the app's writes are.
    /// </summary>
    public void AddRepositoryToken(string owner, string token) =>
        _tokens[token] = new IssuedToken(owner, 0, DateTimeOffset.MaxValue);

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

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <summary>Waits (in real time, polling) until a request matching <paramref name="match"/> has been answered.</summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (Requests.FirstOrDefault(match) is { } request)
            {
                return request;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No matching request reached the fake GitHub; it received:\n{string.Join('\n', Requests)}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _key.Dispose();
    }

    internal long NextId() => Interlocked.Increment(ref _lastId);

    internal FakeRepo? FindRepo(string owner, string name) => _repos.GetValueOrDefault($"{owner}/{name}");

    internal long? FindInstallation(string owner) => _installations.TryGetValue(owner, out var id) ? id : null;

    internal string? FindInstallationOwner(long installationId) =>
        _installations.FirstOrDefault(pair => pair.Value == installationId).Key;

    internal (string Token, DateTimeOffset ExpiresAt) IssueToken(long installationId, string owner)
    {
        var token = "ghs_" + RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 36);
        var expiresAt = _time.GetUtcNow() + TokenLifetime;
        _tokens[token] = new IssuedToken(owner, installationId, expiresAt);
        return (token, expiresAt);
    }

    /// <summary>Null when <paramref name="token"/> is a live installation token for <paramref name="owner"/>, otherwise why not.</summary>
    internal string? CheckToken(string token, string owner)
    {
        if (!_tokens.TryGetValue(token, out var issued))
        {
            return "Bad credentials";
        }

        if (issued.ExpiresAt <= _time.GetUtcNow())
        {
            return "Bad credentials: the installation token has expired";
        }

        return string.Equals(issued.Owner, owner, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"Bad credentials: the token belongs to installation {issued.InstallationId} of '{issued.Owner}', not to '{owner}'";
    }

    private async Task RecordAsync(HttpContext context, RequestDelegate next)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        context.Items[FakeRequestBody.ItemKey] = body;
        var request = new RecordedRequest
        {
            Method = context.Request.Method,
            Path = context.Request.Path.Value ?? "/",
            Query = context.Request.QueryString.Value ?? "",
            Body = body,
            Authorization = context.Request.Headers.Authorization.FirstOrDefault(),
            At = _time.GetUtcNow(),
            Arrival = Interlocked.Increment(ref _arrivals),
        };

        var disruption = DisruptWith?.Invoke(request);
        var statusCode = StatusCodes.Status500InternalServerError; // what Kestrel answers when a handler throws
        try
        {
            if (disruption is { Delay: var delay } && delay > TimeSpan.Zero)
            {
                await Task.Delay(delay).ConfigureAwait(false);
            }

            if (disruption?.Cut == FakeCut.BeforeHandling)
            {
                statusCode = 0;
                context.Abort();
                return;
            }

            if (disruption is { Cut: FakeCut.AfterHandling } or { HoldAnswerUntil: not null })
            {
                statusCode = await AnswerHeldBackAsync(context, next, request, disruption).ConfigureAwait(false);
            }
            else
            {
                await AnswerAsync(context, next, request).ConfigureAwait(false);
                statusCode = context.Response.StatusCode;
            }
        }
        finally
        {
            lock (_requestsGate)
            {
                _requests.Add(request with { StatusCode = statusCode, Cut = disruption?.Cut ?? FakeCut.None, ArrivalsWhenAnswered = Interlocked.Read(ref _arrivals) });
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, RequestDelegate next, RecordedRequest request)
    {
        if ((FaultWith?.Invoke(request) ?? (FailWith?.Invoke(request) is { } status ? FakeFault.Status(status) : null)) is { } fault)
        {
            foreach (var (name, value) in fault.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await FakeResults.Json(FakeGitHubJson.Error(fault.Message), fault.StatusCode).ExecuteAsync(context).ConfigureAwait(false);
        }
        else
        {
            await next(context).ConfigureAwait(false);
        }
    }

    /// <summary>Handles the request into a buffer (Kestrel would send it at once), then holds, cuts or sends the answer.</summary>
    private async Task<int> AnswerHeldBackAsync(HttpContext context, RequestDelegate next, RecordedRequest request, FakeDisruption disruption)
    {
        var connection = context.Response.Body;
        using var answer = new MemoryStream();
        context.Response.Body = answer;
        try
        {
            await AnswerAsync(context, next, request).ConfigureAwait(false);
        }
        finally
        {
            context.Response.Body = connection;
        }

        if (disruption.HoldAnswerUntil is { } hold)
        {
            await hold.ConfigureAwait(false);
        }

        if (disruption.Cut == FakeCut.AfterHandling)
        {
            context.Abort();
        }
        else
        {
            answer.Position = 0;
            context.Response.ContentLength = answer.Length;
            // Not cancelled with the request: a client that went away while the answer was held is what a test wants.
            await answer.CopyToAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }

        return context.Response.StatusCode;
    }

    private sealed record IssuedToken(string Owner, long InstallationId, DateTimeOffset ExpiresAt);
}
