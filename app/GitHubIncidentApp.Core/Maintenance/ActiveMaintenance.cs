namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>Whether a group of alerts is inside a maintenance window at a time.</summary>
public static class ActiveMaintenance
{
    /// <summary>
    /// The occurrence under way at <paramref name="at"/> of a window whose matchers all hold for <paramref name="labels"/>;
    /// where several are, the one that ends last. Null outside every window.
    /// </summary>
    public static MaintenanceOccurrence? For(IReadOnlyList<MaintenanceWindow> windows, IReadOnlyDictionary<string, string> labels, DateTimeOffset at) =>
        windows
            .Where(window => window.Matchers.Matches(labels))
            .Select(window => window.OccurrenceAt(at))
            .OfType<MaintenanceOccurrence>()
            .MaxBy(occurrence => occurrence.End);
}
