using System.Reflection;
using GitHubIncidentApp.Core.Incidents;
using NetArchTest.Rules;

namespace GitHubIncidentApp.Core.Tests.Architecture;

/// <summary>The core's shape, checked on its compiled assembly: decisions stay pure, leaves stay leaves, hosts stay outside.</summary>
public sealed class ArchitectureTests
{
    private const string Core = "GitHubIncidentApp.Core";
    private static readonly Assembly CoreAssembly = typeof(IncidentDecider).Assembly;

    /// <summary>Folders the incident flow builds on; they know nothing of it.</summary>
    public static TheoryData<string> Leaves => new() { "Alerts", "Commands", "Configuration", "GitHub", "Json", "OnCall", "Storage", "Templates" };

    /// <summary>The four deciders, called alike: <c>Decide(state, input, context)</c>.</summary>
    private static readonly string[] Deciders = [nameof(IncidentDecider), nameof(CommandDecider), nameof(IssueEventDecider), nameof(EscalationDecider)];

    /// <summary>What the deciders take and give besides the events: values, as pure as the deciders.</summary>
    private static readonly string[] DecisionValues =
    [
        nameof(IncidentContext), nameof(KnownIncident), nameof(IncidentDecision), nameof(CommentCommands), nameof(CommentDecision),
        nameof(CommandOutcome), nameof(Tick), nameof(EscalationDecision), nameof(NotifyTargets),
    ];

    [Fact]
    public void Deciders_and_their_values_reach_no_storage_no_GitHub_no_clock_and_no_log()
    {
        var pure = Types.InAssembly(CoreAssembly).That()
            .HaveNameEndingWith("Decider")
            .Or().HaveNameMatching($"^({string.Join('|', DecisionValues)})$");

        var result = pure.ShouldNot().HaveDependencyOnAny(
            $"{Core}.Storage",
            $"{Core}.GitHub.IGitHubPort",
            $"{Core}.GitHub.IGitHubClientProvider",
            "System.TimeProvider",
            "System.Net.Http",
            "Microsoft.Extensions.Logging",
            "Octokit",
            "Npgsql",
            "Microsoft.Data.Sqlite").GetResult();

        var found = pure.GetTypes().Select(type => type.Name).ToHashSet();
        Assert.Empty(Deciders.Concat(DecisionValues).Except(found));
        Assert.True(result.IsSuccessful, $"deciders with I/O: {string.Join(", ", result.FailingTypeNames ?? [])}");
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
