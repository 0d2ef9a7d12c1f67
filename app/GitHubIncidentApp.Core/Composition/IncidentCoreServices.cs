using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Composition;

/// <summary>
/// The one composition of the core, for the App and the Action alike: the same handlers, deciders' inputs, GitHub
/// pipeline (pacing under the content limits, rate-limit holds, outage probes) and caches. A host registers what is
/// its own first: the <see cref="IIncidentIndex"/> (and an <see cref="IInbox"/> where there is one), the
/// <see cref="IBotIdentity"/>, an <see cref="IGitHubClientProvider"/> when it has credentials, logging, and
/// optionally a shared <see cref="IContentBudget"/> or <see cref="IIncidentLocks"/> (<see cref="IncidentInboxServices.AddIncidentInbox"/>
/// registers them all for a durable inbox). The core's <see cref="DeliveryMetrics"/> carries the meter every count goes on.
/// </summary>
public static class IncidentCoreServices
{
    public static IServiceCollection AddIncidentCore(this IServiceCollection services, IncidentCoreOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DeliveryMetrics>();
        services.AddSingleton<IDeliveryMetrics>(sp => sp.GetRequiredService<DeliveryMetrics>());
        AddGitHub(services, options);

        services.AddSingleton<LabelCache>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RepoSettingsCache>(sp, options.ConfigPath));
        services.AddSingleton<TrustedMarkers>();
        services.AddSingleton<IncidentIndexRebuilder>();
        services.AddSingleton<IncidentExecutor>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<AlertDeliveryHandler>();
        services.AddSingleton<StormLedger>();
        services.AddSingleton<PermissionCache>();
        services.AddSingleton<GitHubEventHandler>();
        services.AddSingleton<TimedStepHandler>();
        services.AddSingleton<MarkerWriteBack>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<AlertmanagerReconciler>();
        services.AddSingleton<ScheduledPass>();
        services.AddSingleton(_ => new WorkerShares(options.Workers));
        services.AddSingleton<InboxProcessor>();
        return services;
    }

    private static void AddGitHub(IServiceCollection services, IncidentCoreOptions options)
    {
        services.TryAddSingleton<IContentBudget>(sp => new InProcessContentBudget(sp.GetRequiredService<TimeProvider>(), options.ContentLimits));
        services.AddSingleton<ContentPacer>();
        services.AddSingleton<RateLimitHold>();
        services.AddSingleton<GitHubHealth>();

        // Without credentials there is nothing to read with: the dry run then sees every incident as new.
        var canRead = services.Any(service => service.ServiceType == typeof(IGitHubClientProvider));
        services.AddSingleton<IGitHubPort>(sp =>
        {
            var github = canRead ? ActivatorUtilities.CreateInstance<OctokitGitHubPort>(sp) : null;
            IGitHubPort port = !options.DryRun ? github ?? throw new InvalidOperationException("A run that writes to GitHub needs an IGitHubClientProvider: register the host's credentials before AddIncidentCore.")
                : github is null ? new DryRunGitHubPort(DryRunLogger(sp), sp.GetRequiredService<TimeProvider>(), options.DryRunAuthor)
                : DryRunGitHubPort.ReadingFrom(github, DryRunLogger(sp), sp.GetRequiredService<TimeProvider>(), options.DryRunAuthor);
            return options.WrapPort?.Invoke(port) ?? port;
        });
    }

    private static ILogger<DryRunGitHubPort> DryRunLogger(IServiceProvider services) => services.GetRequiredService<ILogger<DryRunGitHubPort>>();
}
