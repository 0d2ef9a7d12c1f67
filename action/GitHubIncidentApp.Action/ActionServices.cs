using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The core composed for one run, as the App composes it (<see cref="IncidentCoreServices.AddIncidentCore"/>), except
/// that GitHub is reached with the workflow's token, the index lives in memory, filled from the issues' markers (which
/// the core therefore keeps up to it), and the run's writes are recorded for its report. The run alone is its content budget, at GitHub.com's limits.
/// </summary>
public sealed class ActionServices : IDisposable
{
    private static readonly TimeSpan AlertmanagerTimeout = TimeSpan.FromSeconds(30);

    private readonly ServiceProvider _services;
    private readonly HttpClient? _alertmanagerHttp;

    public ActionServices(ActionSettings settings, ILoggerFactory loggers, TimeProvider time)
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
        });
        _services = services.BuildServiceProvider();

        GitHub = (RecordingGitHubPort)_services.GetRequiredService<IGitHubPort>();
        Index = _services.GetRequiredService<IIncidentIndex>();
        Settings = _services.GetRequiredService<RepoSettingsCache>();
        Rebuilder = _services.GetRequiredService<IncidentIndexRebuilder>();
        Dispatcher = _services.GetRequiredService<DeliveryDispatcher>();
        Reconciler = _services.GetRequiredService<AlertmanagerReconciler>();
        if (settings.AlertmanagerUrl is { } alertmanagerUrl)
        {
            _alertmanagerHttp = new HttpClient { Timeout = AlertmanagerTimeout };
            Alertmanager = new AlertmanagerApi(_alertmanagerHttp, alertmanagerUrl);
        }
    }

    /// <summary>Every write of the run, for its report.</summary>
    public RecordingGitHubPort GitHub { get; }
    public IIncidentIndex Index { get; }
    public RepoSettingsCache Settings { get; }
    public IncidentIndexRebuilder Rebuilder { get; }

    /// <summary>Where the run's inbox items go, as the App's inbox sends them.</summary>
    public DeliveryDispatcher Dispatcher { get; }
    public AlertmanagerReconciler Reconciler { get; }

    /// <summary>Null unless the <c>alertmanager-url</c> input is set.</summary>
    public AlertmanagerApi? Alertmanager { get; }

    public void Dispose()
    {
        _services.Dispose();
        _alertmanagerHttp?.Dispose();
    }
}
