using System.Globalization;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.OnCall;

/// <summary>Schedules written as people write them, in the config file.</summary>
internal static class Schedules
{
    public static OnCallConfig Parse(string yaml)
    {
        var result = IncidentConfigParser.Parse(yaml);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Config.OnCall!;
    }

    /// <summary>An instant written with its offset, such as 2027-03-29T09:00+02:00.</summary>
    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Assignees(OnCallConfig config, string at) => OnCallResolver.WhoIsOnCall(config, At(at)).Assignees;
}
