using System.Globalization;

namespace GitHubIncidentApp.Core.Maintenance;

/// <summary>A window that happens once, from <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record OneOffWindow : MaintenanceWindow
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public override string Schedule =>
        string.Create(CultureInfo.InvariantCulture, $"{From.UtcDateTime:yyyy-MM-dd HH:mm}–{To.UtcDateTime:yyyy-MM-dd HH:mm} UTC");

    public override IEnumerable<MaintenanceOccurrence> Occurrences(DateTimeOffset from, DateTimeOffset to) =>
        From < to && To > from ? [new MaintenanceOccurrence(this, From, To)] : [];

    private protected override string Canonical() =>
        string.Create(CultureInfo.InvariantCulture, $"once|{From.UtcTicks}|{To.UtcTicks}");
}
