using GitHubIncidentApp.Core.Composition;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Intake;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace GitHubIncidentApp.Core.Tests.Composition;

/// <summary>Both hosts compose the core the same way; only what they register first differs.</summary>
public sealed class IncidentCoreServicesTests
{
    private static readonly Uri LoopbackApi = new("http://127.0.0.1:9/");

    [Fact]
    public void With_credentials_every_handler_resolves_over_the_paced_held_and_probed_GitHub_port()
    {
        using var provider = Compose(new IncidentCoreOptions { DryRun = false }, withToken: true);

        Assert.IsType<OctokitGitHubPort>(provider.GetRequiredService<IGitHubPort>());
        Assert.IsType<InProcessContentBudget>(provider.GetRequiredService<IContentBudget>());
        Assert.Same(provider.GetRequiredService<ContentPacer>(), provider.GetRequiredService<ContentPacer>());
        foreach (var handler in new[] { typeof(AlertDeliveryHandler), typeof(GitHubEventHandler), typeof(TimedStepHandler), typeof(DeliveryDispatcher), typeof(AlertmanagerReconciler), typeof(RepoSettingsCache) })
        {
            Assert.NotNull(provider.GetRequiredService(handler));
        }
    }

    [Fact]
    public void A_dry_run_logs_writes_and_reads_with_the_credentials_when_there_are_some()
    {
        using var reading = Compose(new IncidentCoreOptions { DryRun = true, DryRunAuthor = "github-actions[bot]" }, withToken: true);
        using var blind = Compose(new IncidentCoreOptions { DryRun = true }, withToken: false);

        Assert.IsType<DryRunGitHubPort>(reading.GetRequiredService<IGitHubPort>());
        Assert.IsType<DryRunGitHubPort>(blind.GetRequiredService<IGitHubPort>());
    }

    [Fact]
    public void The_host_wraps_the_port_and_keeps_its_own_budget()
    {
        var budget = new InProcessContentBudget(TimeProvider.System, new ContentLimits(1, 1));
        var outer = Substitute.For<IGitHubPort>();
        IGitHubPort? wrapped = null;
        using var provider = Compose(
            new IncidentCoreOptions { DryRun = false, WrapPort = port => (wrapped = port) is not null ? outer : port },
            withToken: true,
            services => services.AddSingleton<IContentBudget>(budget));

        Assert.Same(outer, provider.GetRequiredService<IGitHubPort>());
        Assert.IsType<OctokitGitHubPort>(wrapped);
        Assert.Same(budget, provider.GetRequiredService<IContentBudget>());
    }

    [Fact]
    public void Writing_without_credentials_says_what_to_register()
    {
        using var provider = Compose(new IncidentCoreOptions { DryRun = false }, withToken: false);

        var refused = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IGitHubPort>());
        Assert.Contains("IGitHubClientProvider", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Compose(IncidentCoreOptions options, bool withToken, Action<IServiceCollection>? hostFirst = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IIncidentIndex, InMemoryIncidentIndex>();
        services.AddSingleton<IBotIdentity>(new FixedBotIdentity("incident-app[bot]"));
        if (withToken)
        {
            services.AddSingleton<IGitHubClientProvider>(_ => new TokenClientProvider("token", LoopbackApi));
        }

        hostFirst?.Invoke(services);
        return services.AddIncidentCore(options).BuildServiceProvider();
    }
}
