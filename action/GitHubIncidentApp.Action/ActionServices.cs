using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The core composed for one run, as the App composes it (<see cref="IncidentCoreServices.AddIncidentCore"/>), except
/// that GitHub is reached with the workflow's token, the index lives in memory, filled from the issues' markers (which
/// the core therefore keeps up to it), and the run's writes are recorded for its report. The run alone is its content budget, at GitHub.com's limits.
/// </summary>
public static class ActionServices
{
    public static ServiceProvider Build(ActionSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(time);
        services.AddSingleton<IIncidentIndex, InMemoryIncidentIndex>();
        // Only the workflow identity's issues count, its override ledger too.
        services.AddSingleton<IBotIdentity>(new FixedBotIdentity(settings.BotLogin));
        if (settings.Token is { } token)
        {
            // Made by the container, so disposed with it.
            services.AddSingleton<IGitHubClientProvider>(_ => new TokenClientProvider(token, settings.ApiUrl));
        }

        services.AddIncidentCore(new IncidentCoreOptions
        {
            DryRun = settings.DryRun,
            DryRunAuthor = settings.BotLogin,
            ConfigPath = settings.ConfigPath,
            WrapPort = port => new RecordingGitHubPort(port),
            Alertmanager = settings.Alertmanager,
            SilencesOff = ActionSettings.SilencesOff,
        });
        return services.BuildServiceProvider();
    }
}
