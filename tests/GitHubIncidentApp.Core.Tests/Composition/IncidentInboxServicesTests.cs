using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;
using GitHubIncidentApp.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitHubIncidentApp.Core.Tests.Composition;

/// <summary>The core behind the App's inbox, composed and fed an Alertmanager delivery without HTTP.</summary>
public sealed class IncidentInboxServicesTests : IDisposable
{
    private const string Token = "team-token";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("incident-inbox-").FullName;

    [Fact]
    public async Task A_dry_run_keeps_inbox_index_and_budget_in_a_SQLite_file_of_its_own_and_stores_a_delivery_there()
    {
        using var provider = Compose();
        await provider.GetRequiredService<InboxUpkeep>().PrepareAsync(CancellationToken.None);

        var answer = await ReceiveAsync(provider, Token, "operate-first", "incidents");

        Assert.IsType<SqliteInbox>(provider.GetRequiredService<IInbox>());
        Assert.IsType<SqliteIncidentIndex>(provider.GetRequiredService<IIncidentIndex>());
        Assert.IsType<SqliteContentBudget>(provider.GetRequiredService<IContentBudget>());
        Assert.EndsWith("incidents-dry-run.db", provider.GetRequiredService<IStorageDatabase>().Location, StringComparison.Ordinal);
        Assert.Equal((IntakeOutcome.Accepted, "operate-first/incidents"), (answer.Outcome, answer.Repo));
        Assert.Equal(1, (await provider.GetRequiredService<IInbox>().GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Pending);
        Assert.True(await provider.GetRequiredService<InboxSignal>().WaitAsync(TimeSpan.Zero, CancellationToken.None));
        Assert.Equal(1, provider.GetRequiredService<MetricsRegistry>().DeliveriesReceived.Get(MetricsRegistry.AlertmanagerSource));
    }

    [Fact]
    public async Task A_delivery_with_another_token_or_for_another_owner_is_refused_and_counted()
    {
        using var provider = Compose();
        await provider.GetRequiredService<InboxUpkeep>().PrepareAsync(CancellationToken.None);

        var wrongToken = await ReceiveAsync(provider, "other", "operate-first", "incidents");
        var otherOwner = await ReceiveAsync(provider, Token, "other-org", "incidents");

        Assert.Equal((IntakeOutcome.Unauthorized, AlertmanagerCallers.Refusal), (wrongToken.Outcome, wrongToken.Message));
        Assert.Equal(IntakeOutcome.Forbidden, otherOwner.Outcome);
        Assert.StartsWith("ALERTMANAGER_TOKEN may not reach other-org/incidents", otherOwner.Message, StringComparison.Ordinal);
        var refused = provider.GetRequiredService<MetricsRegistry>().DeliveriesRefused;
        Assert.Equal((1, 1), (refused.Get(MetricsRegistry.AlertmanagerSource, MetricsReason.Auth), refused.Get(MetricsRegistry.AlertmanagerSource, MetricsReason.Scope)));
        Assert.Equal(0, (await provider.GetRequiredService<IInbox>().GetStatsAsync(DateTimeOffset.UtcNow, CancellationToken.None)).Pending);
    }

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    private static Task<IntakeAnswer> ReceiveAsync(ServiceProvider provider, string token, string owner, string repo) =>
        provider.GetRequiredService<AlertmanagerIntake>().ReceiveAsync(
            new AlertmanagerRequest
            {
                Token = token,
                Target = $"/api/alertmanager/{owner}/{repo}",
                Owner = owner,
                Repo = repo,
                ContentType = "application/json",
                Body = new MemoryStream(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))),
            },
            CancellationToken.None);

    private ServiceProvider Compose()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IBotIdentity>(new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor));
        services.AddIncidentInbox(
            new IncidentInboxOptions
            {
                DataDir = _dataDir,
                AlertmanagerTokens = [AlertmanagerToken.Of("ALERTMANAGER_TOKEN", "ALLOWED_REPOS", RepoScope.Owner("operate-first"), Token)],
                GitHubApiUrl = new Uri("http://127.0.0.1:9/"),
                Mode = "dry-run",
            },
            new IncidentCoreOptions { DryRun = true });
        return services.BuildServiceProvider();
    }
}
