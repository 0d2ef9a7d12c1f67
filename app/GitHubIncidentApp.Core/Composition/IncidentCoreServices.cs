using GitHubIncidentApp.Core.Alerts;
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
        services.AddSingleton<IssueTypeCheck>();
        services.AddSingleton<SeverityFields>();
        services.AddSingleton<IssuePins>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RepoSettingsCache>(sp, options.ConfigPath));
        services.AddSingleton<TrustedMarkers>();
        services.AddSingleton<IncidentIndexRebuilder>();
        services.AddSingleton<IncidentExecutor>();
        services.AddSingleton<IncidentStore>();
        services.AddSingleton<FlapMetrics>();
        services.AddSingleton<PostmortemMetrics>();
        services.AddSingleton<AlertDeliveryHandler>();
        services.AddSingleton<StormLedger>();
        services.AddSingleton<PermissionCache>();
        AddSilences(services, options);
        services.AddSingleton<GitHubEventHandler>();
        services.AddSingleton<TimedStepHandler>();
        services.AddSingleton<MarkerWriteBack>();
        services.AddSingleton<DeliveryDispatcher>();
        services.AddSingleton<AlertmanagerReconciler>();
        services.AddSingleton<IncidentReports>();
        services.AddSingleton<ScheduledPass>();
        services.AddSingleton(_ => new WorkerShares(options.Workers));
        services.AddSingleton<InboxProcessor>();
        return services;
    }

    /// <summary>A dry run makes no silences: it would otherwise change what Alertmanager notifies for real.</summary>
    private static void AddSilences(IServiceCollection services, IncidentCoreOptions options)
    {
        if (options.Alertmanager is { } endpoint && !options.DryRun)
        {
            // Made by the container, so disposed with it.
            services.AddKeyedSingleton(nameof(AlertmanagerSilences), (_, _) => endpoint.CreateClient());
            services.TryAddSingleton<ISilencePort>(sp => new AlertmanagerSilences(sp.GetRequiredKeyedService<HttpClient>(nameof(AlertmanagerSilences)), endpoint.Url));
        }

        var off = options.DryRun ? "this is a dry run, which only logs what it would do: it makes no silences" : options.SilencesOff;
        services.AddSingleton(sp => new SilenceApplier(sp.GetService<ISilencePort>(), off, sp.GetRequiredService<DeliveryMetrics>()));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<MaintenanceSync>(sp, options.MaintenanceScope));
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
