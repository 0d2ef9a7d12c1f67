using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Metrics;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Composition;

/// <summary>
/// The core behind a durable inbox (the App's): the storage, the intake of each source (Alertmanager, GitHub, timed
/// steps), the failed deliveries, the inbox's upkeep and its metrics, over <see cref="IncidentCoreServices.AddIncidentCore"/>.
/// A host registers its GitHub credentials first and runs the loops: <see cref="InboxProcessor"/>, <see cref="TimedStepIntake"/>
/// and <see cref="InboxUpkeep"/> on its own schedule.
/// </summary>
public static class IncidentInboxServices
{
    public static IServiceCollection AddIncidentInbox(this IServiceCollection services, IncidentInboxOptions inbox, IncidentCoreOptions core)
    {
        AddStorage(services, inbox, core);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<InboxUpkeep>(sp, core.DryRun));
        services.AddSingleton<StorageReadiness>();
        services.AddSingleton(new InboxSignal(core.Workers));
        services.AddSingleton(sp => new MetricsRegistry(
            sp.GetRequiredService<DeliveryMetrics>(), inbox.GitHubApiUrl, inbox.Mode, sp.GetService<GitHubHealth>(), sp.GetService<ContentPacer>()));

        services.AddSingleton(new AlertmanagerCallers(inbox.AlertmanagerTokens));
        services.AddSingleton(sp => new AlertmanagerIntake(
            sp.GetRequiredService<AlertmanagerCallers>(), inbox.DefaultRepo, sp.GetRequiredService<IInbox>(), sp.GetRequiredService<InboxSignal>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<MetricsRegistry>(), sp.GetRequiredService<ILogger<AlertmanagerIntake>>()));
        services.AddSingleton<GitHubDeliveryIntake>();
        services.AddSingleton<TimedStepIntake>();
        services.AddSingleton<FailedDeliveries>();
        services.AddSingleton<MaintenanceChanges>();
        services.AddSingleton(sp => new MaintenancePass(
            sp.GetRequiredService<MaintenanceSync>(), sp.GetRequiredService<RepoSettingsCache>(), sp.GetRequiredService<ISettingsSnapshots>(),
            sp.GetRequiredService<MaintenanceChanges>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<MaintenancePass>>(), inbox.DefaultRepo));
        services.AddSingleton<ReportPass>();
        return services.AddIncidentCore(core);
    }

    /// <summary>
    /// PostgreSQL when a database URL is given (several replicas may share it), else a SQLite file; the budget of new
    /// issues and comments lives there too, so neither a restart nor a replica goes past GitHub's limits.
    /// </summary>
    private static void AddStorage(IServiceCollection services, IncidentInboxOptions inbox, IncidentCoreOptions core)
    {
        // Created by the container, so it is disposed (and its connection pool closed) with it.
        if (inbox.DatabaseUrl is { } url)
        {
            services.AddSingleton(_ => new PostgresDatabase(url));
            services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<PostgresDatabase>());
            services.AddSingleton<IInbox, PostgresInbox>();
            services.AddSingleton<IIncidentIndex, PostgresIncidentIndex>();
            services.AddSingleton<IIncidentLocks, PostgresIncidentLocks>();
            services.AddSingleton<ISettingsSnapshots, PostgresSettingsSnapshots>();
            services.AddSingleton<IContentBudget>(sp => new PostgresContentBudget(
                sp.GetRequiredService<PostgresDatabase>(), sp.GetRequiredService<TimeProvider>(), core.ContentLimits));
        }
        else
        {
            services.AddSingleton(_ => new SqliteDatabase(Path.Combine(inbox.DataDir, core.DryRun ? "incidents-dry-run.db" : "incidents.db")));
            services.AddSingleton<IStorageDatabase>(sp => sp.GetRequiredService<SqliteDatabase>());
            services.AddSingleton<IInbox, SqliteInbox>();
            services.AddSingleton<IIncidentIndex, SqliteIncidentIndex>();
            services.AddSingleton<ISettingsSnapshots, SqliteSettingsSnapshots>();
            services.AddSingleton<IContentBudget>(sp => new SqliteContentBudget(
                sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<TimeProvider>(), core.ContentLimits));
        }
    }
}
