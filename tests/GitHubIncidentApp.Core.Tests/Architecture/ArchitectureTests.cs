using System.Reflection;
using GitHubIncidentApp.Core.Incidents.Decisions;
using NetArchTest.Rules;

namespace GitHubIncidentApp.Core.Tests.Architecture;

/// <summary>The core's shape, checked on its compiled assembly: decisions stay pure, leaves stay leaves, hosts stay outside.</summary>
public sealed class ArchitectureTests
{
    private const string Core = "GitHubIncidentApp.Core";
    private static readonly Assembly CoreAssembly = typeof(IncidentDecider).Assembly;

    /// <summary>Folders the incident flow builds on; they know nothing of it.</summary>
    public static TheoryData<string> Leaves => new() { "Alerts", "Commands", "Configuration", "GitHub", "Json", "Maintenance", "Metrics", "OnCall", "Reports", "Storage", "Templates" };

    /// <summary>The four deciders, called alike: <c>Decide(state, input, context)</c>.</summary>
    private static readonly string[] Deciders = [nameof(IncidentDecider), nameof(CommandDecider), nameof(IssueEventDecider), nameof(EscalationDecider)];

    [Fact]
    public void Decisions_reach_no_storage_no_GitHub_no_clock_no_log_and_no_other_stage()
    {
        var decisions = Types.InAssembly(CoreAssembly).That().ResideInNamespace($"{Core}.Incidents.Decisions");

        var result = decisions.ShouldNot().HaveDependencyOnAny(
            $"{Core}.Storage",
            $"{Core}.GitHub.IGitHubPort",
            $"{Core}.GitHub.IGitHubClientProvider",
            $"{Core}.Incidents.Intake",
            $"{Core}.Incidents.Applying",
            "System.TimeProvider",
            "System.Net.Http",
            "Microsoft.Extensions.Logging",
            "Octokit",
            "Npgsql",
            "Microsoft.Data.Sqlite").GetResult();

        var found = decisions.GetTypes().Select(type => type.Name).ToHashSet();
        Assert.Empty(Deciders.Except(found));
        Assert.True(result.IsSuccessful, $"decision types with I/O or a later stage: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    /// <summary>The flow runs one way: intake hands deliveries to applying, which calls decisions under the settings.</summary>
    [Theory]
    [InlineData("Settings", "Intake")]
    [InlineData("Settings", "Applying")]
    [InlineData("Applying", "Intake")]
    public void A_stage_does_not_use_the_stage_that_calls_it(string stage, string caller)
    {
        var types = Types.InAssembly(CoreAssembly).That().ResideInNamespace($"{Core}.Incidents.{stage}");

        var result = types.ShouldNot().HaveDependencyOn($"{Core}.Incidents.{caller}").GetResult();

        Assert.NotEmpty(types.GetTypes());
        Assert.True(result.IsSuccessful, $"{stage} types that use {caller}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Leaves))]
    public void A_leaf_folder_uses_neither_the_incident_flow_nor_the_composition(string leaf)
    {
        var types = Types.InAssembly(CoreAssembly).That().ResideInNamespace($"{Core}.{leaf}");

        var result = types.ShouldNot().HaveDependencyOnAny($"{Core}.Incidents", $"{Core}.Composition").GetResult();

        Assert.NotEmpty(types.GetTypes());
        Assert.True(result.IsSuccessful, $"{leaf} types that use Incidents/ or Composition/: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_core_references_no_host_and_no_web_framework()
    {
        var references = CoreAssembly.GetReferencedAssemblies().Select(reference => reference.Name!).ToList();

        Assert.Contains("Octokit", references);
        Assert.DoesNotContain(references, name => name is "GitHubIncidentApp" or "GitHubIncidentApp.Action" || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
