using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>An incident an hour into firing, and the context its decisions are made in, as decider tests start from.</summary>
internal static class TestIncidents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    public static readonly RepoRef Repo = new("operate-first", "incidents");

    private static readonly IncidentRenderer Renderer = new(TemplateSources.BuiltIn);

    public static readonly IncidentState Firing = new()
    {
        Key = "key-1",
        Status = "firing",
        Firing = ["fp1"],
        Severity = "warning",
        StartedAt = Now.AddHours(-1),
    };

    /// <summary>An incident in issue 12, as the index knows it.</summary>
    public static KnownIncident Known(IncidentState state) => new(state, 12);

    /// <summary>A decision's context in operate-first/incidents with the built-in templates; the default config and <see cref="Now"/> unless given.</summary>
    public static IncidentContext Context(IncidentConfig? config = null, DateTimeOffset? now = null, TakenOverrides? taken = null) => new()
    {
        Repo = Repo,
        Key = "key-1",
        Config = config ?? IncidentConfig.Default,
        Renderer = Renderer,
        Now = now ?? Now,
        Taken = taken ?? TakenOverrides.None,
    };
}
