using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.Maintenance;

namespace GitHubIncidentApp.Core.Tests.Maintenance;

/// <summary>Maintenance windows read from config text, as people write them.</summary>
internal static class Windows
{
    public static IReadOnlyList<MaintenanceWindow> Parse(string entries, string zone = "UTC")
    {
        var result = IncidentConfigParser.Parse($"timezone: {zone}\nmaintenance:\n{entries}");
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config.Maintenance;
    }

    public static MaintenanceWindow One(string entry, string zone = "UTC") => Assert.Single(Parse($"  - {entry}", zone));

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
