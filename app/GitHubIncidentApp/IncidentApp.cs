using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.AspNetCore.Connections;

namespace GitHubIncidentApp;

/// <summary>Builds the web app: settings, services, endpoints. Tests build it the same way, on a free port.</summary>
public static class IncidentApp
{
    /// <summary>The app ready to run, or null after writing one line per settings problem to <paramref name="errors"/>.</summary>
    /// <param name="overrides">Settings that win over every other source (tests use them).</param>
    /// <param name="replaceServices">Changes to the services after the app's own (tests swap the clock).</param>
    public static WebApplication? Build(string[] args, TextWriter errors, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? replaceServices = null)
    {
        var devMode = args.Contains(AppSettings.DevFlag);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != AppSettings.DevFlag).ToArray(),
            // Else the host announces "Hosting environment: Production" while the app tries things out locally.
            EnvironmentName = devMode ? Environments.Development : null,
        });
        // Least to most binding: the credentials setup stored, .env, the environment (both files yield to it), overrides.
        var dotEnv = DotEnvFile.Read(Path.Combine(builder.Environment.ContentRootPath, ".env"));
        var dataDir = overrides?.GetValueOrDefault("DATA_DIR") ?? builder.Configuration["DATA_DIR"] ?? dotEnv.GetValueOrDefault("DATA_DIR") ?? new AppVariables().DataDir;
        builder.Configuration.AddInMemoryCollection(AppRegistration.Read(dataDir));
        builder.Configuration.AddInMemoryCollection(dotEnv);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var (settings, problems) = AppSettings.Load(builder.Configuration, devMode);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine($"error: {problem}");
            }

            return null;
        }

        if (PortCheck.Problem(settings) is { } portProblem)
        {
            errors.WriteLine($"error: {portProblem}");
            return null;
        }

        ConfigureLogging(builder.Logging, settings);
        builder.WebHost.UseUrls($"http://{(settings.Host.Contains(':', StringComparison.Ordinal) ? $"[{settings.Host}]" : settings.Host)}:{settings.Port}");
        if (settings.Mode == RunMode.Setup)
        {
            builder.Services.AddSingleton(settings);
            builder.Services.AddSingleton(TimeProvider.System);
            // Whoever opens the setup page registers the App: only who reads the app's output gets the key.
            var key = SetupState.NewKey();
            builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SetupState>(sp, key));
            errors.WriteLine($"The GitHub App is not registered yet: open http(s)://<this app's public address>/setup?key={key} to register it (see README, Register the App).");
            builder.Services.AddHttpClient();
            replaceServices?.Invoke(builder.Services);
            var setup = builder.Build();
            setup.MapSetup();
            return setup;
        }

        AddServices(builder.Services, settings);
        replaceServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapHealth();
        app.MapMetrics();
        app.MapAlertmanager();
        app.MapDeliveries();
        app.MapGitHubWebhookEndpoint();
        app.MapFeeds();
        app.MapStatusPages();
        return app;
    }

    /// <summary>
    /// Runs the app until it is stopped (or <paramref name="cancellationToken"/> fires), and again, with the stored
    /// credentials, each time the setup flow registered the App: no restart by hand. The exit code.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter errors, IReadOnlyDictionary<string, string?>? overrides = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await using var app = Build(args, errors, overrides);
            if (app is null)
            {
                return AppCommandLine.ExitUsage;
            }

            try
            {
                await app.StartAsync(cancellationToken);
                await app.WaitForShutdownAsync(cancellationToken);
            }
            catch (StorageException ex)
            {
                await errors.WriteLineAsync($"error: {ex.Message}");
                return AppCommandLine.ExitUsage;
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                // Taken between the check in Build and the server's bind.
                await errors.WriteLineAsync($"error: {PortCheck.InUse(app.Services.GetRequiredService<AppSettings>())}");
                return AppCommandLine.ExitUsage;
            }

            if (cancellationToken.IsCancellationRequested || app.Services.GetService<SetupState>() is not { Registered: true })
            {
                return AppCommandLine.ExitOk;
            }
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, AppSettings settings)
    {
        // Scopes included either way: delivery id, repository, incident key.
        logging.ClearProviders();
        if (settings.LogFormat == LogFormat.Text)
        {
            // Trace and span ids make a line too long to read; a collector that joins them reads JSON.
            logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.None);
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.IncludeScopes = true;
                options.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(options =>
            {
                options.IncludeScopes = true;
                options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                options.UseUtcTimestamp = true;
            });
        }

        logging.SetMinimumLevel(settings.LogLevel);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }

    private static void AddServices(IServiceCollection services, AppSettings settings)
    {
        services.AddSingleton(settings);
        services.AddGitHubWebhooks();

        switch (settings.Mode)
        {
            case RunMode.DryRun:
                services.AddSingleton<IBotIdentity>(new FixedBotIdentity(DryRunGitHubPort.DefaultAuthor));
                break;
            case RunMode.Token:
                // The token's user is the app: only the issues it opened carry incidents. No installations to follow.
                services.AddSingleton(_ => new TokenClientProvider(settings.GitHubToken!, settings.GitHubApiUrl));
                services.AddSingleton<IGitHubClientProvider>(sp => sp.GetRequiredService<TokenClientProvider>());
                services.AddSingleton<IBotIdentity>(sp => sp.GetRequiredService<TokenClientProvider>());
                break;
            default:
                services.AddSingleton(new GitHubAppOptions { AppId = settings.AppId!.Value, PrivateKeyPem = settings.PrivateKeyPem!, ApiBaseUrl = settings.GitHubApiUrl });
                services.AddSingleton<GitHubAppClientFactory>();
                services.AddSingleton<IGitHubClientProvider>(sp => sp.GetRequiredService<GitHubAppClientFactory>());
                services.AddSingleton<IInstallationCache>(sp => sp.GetRequiredService<GitHubAppClientFactory>());
                services.AddSingleton<IBotIdentity>(sp => sp.GetRequiredService<GitHubAppClientFactory>());
                break;
        }

        services.AddIncidentInbox(
            new IncidentInboxOptions
            {
                DatabaseUrl = settings.DatabaseUrl,
                DataDir = settings.DataDir,
                AlertmanagerTokens = settings.AlertmanagerTokens,
                DefaultRepo = settings.DefaultRepo,
                GitHubApiUrl = settings.GitHubApiUrl,
                Mode = AppMode.Name(settings.Mode),
            },
            new IncidentCoreOptions
            {
                DryRun = settings.DryRun,
                Workers = settings.Workers,
                ContentLimits = settings.ContentLimits,
                Alertmanager = settings.Alertmanager,
                SilencesOff = AppSettings.SilencesOff,
                MaintenanceScope = settings.MaintenanceScope,
            });

        services.AddSingleton<OnCallFeeds>();
        services.AddSingleton<StatusPages>();

        // Started in this order: the database is ready before the worker and the clock use it.
        services.AddHostedService<DatabaseMigrator>();
        services.AddHostedService<InboxWorker>();
        services.AddHostedService<EscalationClock>();
        services.AddHostedService<MaintenanceClock>();
        services.AddHostedService<ReportClock>();
    }
}
