using System.Globalization;

namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>One alert group of a burst and its script: it fires, maybe a second alert joins, maybe it all resolves.</summary>
public sealed record BurstGroup
{
    public required int Number { get; init; }

    /// <summary><c>critical</c> or <c>warning</c>, on every alert of the group.</summary>
    public required string Severity { get; init; }

    /// <summary>Whether a second alert (another instance) joins the first in a later delivery.</summary>
    public required bool SecondAlert { get; init; }

    /// <summary>Whether the group's last delivery says all its alerts resolved.</summary>
    public required bool Resolves { get; init; }

    public string AlertName => $"Burst{Id}Down";

    /// <summary>The second group label, shown in the title.</summary>
    public string Namespace => $"team-{Id}";

    public string Summary => $"Service {Id} is down";

    /// <summary>The default title template's rendering: <c>[SEVERITY] summary (other group labels)</c>.</summary>
    public string Title => $"[{Severity.ToUpperInvariant()}] {Summary} ({Namespace})";

    private string Id => Number.ToString("00", CultureInfo.InvariantCulture);
}
