using GitHubIncidentApp.Core.Incidents;

namespace GitHubIncidentApp.Core.Tests.Incidents;

/// <summary>An incident an hour into firing, as decider tests start from.</summary>
internal static class TestIncidents
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 13, 0, 0, TimeSpan.Zero);

    public static readonly IncidentState Firing = new()
    {
        Key = "key-1",
        Status = "firing",
        Firing = ["fp1"],
        Severity = "warning",
        StartedAt = Now.AddHours(-1),
    };
}
