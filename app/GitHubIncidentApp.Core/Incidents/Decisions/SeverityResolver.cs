using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>Maps alert severities onto the configured levels; a group is as severe as its worst firing alert.</summary>
public static class SeverityResolver
{
    public static SeverityLevel LevelOf(Alert alert, SeverityConfig config) =>
        config.Find(alert.Labels.GetValueOrDefault(config.Label)) ?? Default(config);

    /// <summary>The most severe level among the firing alerts; <paramref name="fallback"/> when none fires.</summary>
    public static SeverityLevel GroupLevel(IEnumerable<Alert> alerts, SeverityConfig config, string? fallback = null)
    {
        var levels = alerts.Where(a => a.IsFiring).Select(a => LevelOf(a, config)).ToList();
        return levels.Count > 0
            ? levels.MinBy(level => RankOf(level, config))!
            : config.Find(fallback) ?? Default(config);
    }

    private static SeverityLevel Default(SeverityConfig config) =>
        config.Find(config.Default) ?? config.Levels[^1];

    /// <summary>0 for the most severe level, then 1, 2, ...</summary>
    public static int RankOf(SeverityLevel level, SeverityConfig config) =>
        config.Levels.ToList().IndexOf(level);
}
