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
    private readonly TokenClientProvider? _clients;

    public ActionServices(ActionSettings settings, ILoggerFactory loggers, TimeProvider time)
    {
        IGitHubPort port;
        if (settings.DryRun)
        {
            port = new DryRunGitHubPort(loggers.CreateLogger<DryRunGitHubPort>(), time);
        }
        else
        {
            _clients = new TokenClientProvider(settings.Token!, settings.ApiUrl);
            port = new OctokitGitHubPort(_clients);
        }

        GitHub = new RecordingGitHubPort(port, settings.Repository, settings.ConfigPath);
        Index = new InMemoryIncidentIndex();
        Settings = new RepoSettingsCache(GitHub, time, loggers.CreateLogger<RepoSettingsCache>());
        Rebuilder = new IncidentIndexRebuilder(GitHub, Index, time);
        var store = new IncidentStore(Index, Rebuilder, new IncidentExecutor(GitHub, new LabelCache(GitHub)), time);
        TimedSteps = new TimedStepHandler(Settings, store, time, loggers.CreateLogger<TimedStepHandler>());
        Alerts = new AlertDeliveryHandler(Settings, store, time, loggers.CreateLogger<AlertDeliveryHandler>());
        GitHubEvents = new GitHubEventHandler(Settings, store, new PermissionCache(GitHub, time), TimedSteps, time, loggers.CreateLogger<GitHubEventHandler>());
    }

    public RecordingGitHubPort GitHub { get; }
    public InMemoryIncidentIndex Index { get; }
    public RepoSettingsCache Settings { get; }
    public IncidentIndexRebuilder Rebuilder { get; }
    public TimedStepHandler TimedSteps { get; }
    public AlertDeliveryHandler Alerts { get; }
    public GitHubEventHandler GitHubEvents { get; }

    public void Dispose() => _clients?.Dispose();
}
