using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The core's services wired for one run, as the App wires them, except that GitHub is reached with
/// the workflow's token and the index lives in memory, filled from the issues' markers.
/// </summary>
public sealed class ActionServices : IDisposable
{
    private static readonly TimeSpan AlertmanagerTimeout = TimeSpan.FromSeconds(30);

    private readonly TokenClientProvider? _clients;
    private readonly HttpClient? _alertmanagerHttp;

    public ActionServices(ActionSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        IGitHubPort? github = null;
        if (settings.Token is { } token)
        {
            _clients = new TokenClientProvider(token, settings.ApiUrl);
            // Paced as the App paces, with GitHub.com's limits; one run alone is this process's budget.
            github = new OctokitGitHubPort(_clients, new ContentPacer(new InProcessContentBudget(time), time));
        }

        // A dry run reads with the token when there is one, so it decides as a real run would.
        var port = !settings.DryRun ? github!
            : github is null ? new DryRunGitHubPort(loggers.CreateLogger<DryRunGitHubPort>(), time, settings.BotLogin)
            : DryRunGitHubPort.ReadingFrom(github, loggers.CreateLogger<DryRunGitHubPort>(), time, settings.BotLogin);

        GitHub = new RecordingGitHubPort(port);
        Index = new InMemoryIncidentIndex();
        // The index is rebuilt from markers on every run: only the workflow identity's issues count, its ledger too.
        var botIdentity = new FixedBotIdentity(settings.BotLogin);
        Settings = new RepoSettingsCache(GitHub, botIdentity, time, loggers.CreateLogger<RepoSettingsCache>(), settings.ConfigPath);
        var markers = new TrustedMarkers(GitHub, botIdentity, loggers.CreateLogger<TrustedMarkers>());
        Rebuilder = new IncidentIndexRebuilder(markers, Index, time);
        var store = new IncidentStore(Index, Rebuilder, markers, new IncidentExecutor(GitHub, new LabelCache(GitHub)), time);
        TimedSteps = new TimedStepHandler(Settings, store, time, loggers.CreateLogger<TimedStepHandler>());
        Alerts = new AlertDeliveryHandler(Settings, store, time, loggers.CreateLogger<AlertDeliveryHandler>());
        GitHubEvents = new GitHubEventHandler(Settings, store, new PermissionCache(GitHub, time), TimedSteps, time, loggers.CreateLogger<GitHubEventHandler>());
        Reconciler = new AlertmanagerReconciler(Settings, store, Alerts, markers, time, loggers.CreateLogger<AlertmanagerReconciler>());
        if (settings.AlertmanagerUrl is { } alertmanagerUrl)
        {
            _alertmanagerHttp = new HttpClient { Timeout = AlertmanagerTimeout };
            Alertmanager = new AlertmanagerApi(_alertmanagerHttp, alertmanagerUrl);
        }
    }

    public RecordingGitHubPort GitHub { get; }
    public InMemoryIncidentIndex Index { get; }
    public RepoSettingsCache Settings { get; }
    public IncidentIndexRebuilder Rebuilder { get; }
    public TimedStepHandler TimedSteps { get; }
    public AlertDeliveryHandler Alerts { get; }
    public GitHubEventHandler GitHubEvents { get; }
    public AlertmanagerReconciler Reconciler { get; }

    /// <summary>Null unless the <c>alertmanager-url</c> input is set.</summary>
    public AlertmanagerApi? Alertmanager { get; }

    public void Dispose()
    {
        _clients?.Dispose();
        _alertmanagerHttp?.Dispose();
    }
}
