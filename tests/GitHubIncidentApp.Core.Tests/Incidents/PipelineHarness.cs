using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing.FakeGitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>
/// The core composed as a host composes it (<see cref="IncidentCoreServices.AddIncidentCore"/>) on the index given,
/// over a fake GitHub reached with a workflow token, whose bot's issues hold the incidents.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private const string Token = "ghs_pipeline";

    private readonly ServiceProvider _services;

    private PipelineHarness(FakeGitHubServer server, ServiceProvider services)
    {
        Server = server;
        _services = services;
    }

    public static RepoRef Repo { get; } = new("operate-first", "incidents");

    public FakeGitHubServer Server { get; }
    public FakeRepo FakeRepo => Server.Repo(Repo.Owner, Repo.Name);
    public IIncidentIndex Index => Get<IIncidentIndex>();

    public static async Task<PipelineHarness> StartAsync(IIncidentIndex index)
    {
        var server = await FakeGitHubServer.StartAsync();
        server.AddRepositoryToken(Repo.Owner, Token);
        server.Repo(Repo.Owner, Repo.Name);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(index);
        services.AddSingleton<IBotIdentity>(new FixedBotIdentity(FakeGitHubServer.WorkflowBotLogin));
        services.AddSingleton<IGitHubClientProvider>(_ => new TokenClientProvider(Token, GitHubApiUrl.Resolve(gheHost: null, apiUrl: server.BaseUrl.ToString())));
        services.AddIncidentCore(new IncidentCoreOptions { DryRun = false });
        return new PipelineHarness(server, services.BuildServiceProvider());
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>An incident issue opened by the bot, its marker as <paramref name="change"/> leaves a firing incident.</summary>
    public FakeIssue AddIncident(Func<IncidentState, IncidentState>? change = null)
    {
        var state = new IncidentState
        {
            Key = "operate-first/incidents|alertname=JupyterHubDown",
            Status = "firing",
            Firing = ["fp-1"],
            Severity = "critical",
            StartedAt = DateTimeOffset.UtcNow.AddMinutes(-30),
        };
        return FakeRepo.AddIssue("JupyterHubDown", IssueBody.Section("The hub is down.", change?.Invoke(state) ?? state), ["incident"], author: FakeGitHubServer.WorkflowBotLogin);
    }

    public IncidentState MarkerOf(int issueNumber) =>
        IssueBody.ReadState(FakeRepo.Issue(issueNumber).Body) ?? throw new InvalidOperationException($"Issue #{issueNumber} has no marker.");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
