using System.Diagnostics.Metrics;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The meter of one composition of the core, and on it what the core counts: what became of each delivery. The
/// intake adds its instruments to <see cref="Meter"/> (<c>Metrics.MetricsRegistry</c>); a host exposes them (the App at <c>/metrics</c>).
/// </summary>
public sealed class DeliveryMetrics : IDeliveryMetrics, IDisposable
{
    public const string MeterName = "GitHubIncidentApp";

    public DeliveryMetrics()
    {
        DeliveriesProcessed = new(Meter, "incident_app_deliveries_processed",
            "Attempts at stored deliveries, by outcome: done, retried (later), failed (parked for a person), superseded (by a newer Alertmanager delivery of the incident).",
            ["outcome"], Enum.GetValues<ProcessingOutcome>().Select(outcome => new[] { Label(outcome) }));
        StormsOpened = new(Meter, "incident_app_storms_opened",
            "Storm issues opened: more new alert groups in a repository than storm.threshold within storm.window.", [], [[]]);
        StormGroups = new(Meter, "incident_app_storm_groups",
            "Alert groups that joined a storm, by how: listed (in the storm issue only, no issue of their own) or own_issue (from storm.own_issue up, linked from it).",
            ["joined"], [["listed"], ["own_issue"]]);
        Silences = new(Meter, "incident_app_silences",
            "Calls to Alertmanager for /silence and /unsilence, by outcome: created, expired (ended early), failed (Alertmanager unreachable or refusing).",
            ["outcome"], SilenceOutcomes.Select(outcome => new[] { outcome }));
        MaintenanceSilences = new(Meter, "incident_app_maintenance_silences",
            "Silences of maintenance windows in Alertmanager, by outcome: created (ahead of an occurrence), expired (its window left the config), failed (Alertmanager unreachable or refusing).",
            ["outcome"], SilenceOutcomes.Select(outcome => new[] { outcome }));
    }

    /// <summary>The outcomes <see cref="Silences"/> and <see cref="MaintenanceSilences"/> count.</summary>
    public static IReadOnlyList<string> SilenceOutcomes { get; } = ["created", "expired", "failed"];

    /// <summary>
    /// Its own, not one from an <c>IMeterFactory</c>, which the Action's composition does not have; one per composition,
    /// so that two apps in one process (as in the tests) count apart.
    /// </summary>
    public Meter Meter { get; } = new(MeterName);

    /// <summary>By <c>outcome</c>: a <see cref="ProcessingOutcome"/> in lower case.</summary>
    public DeclaredCounter DeliveriesProcessed { get; }

    public DeclaredCounter StormsOpened { get; }

    /// <summary>By <c>joined</c>: <c>listed</c> or <c>own_issue</c>.</summary>
    public DeclaredCounter StormGroups { get; }

    /// <summary>By <c>outcome</c>: one of <see cref="SilenceOutcomes"/>.</summary>
    public DeclaredCounter Silences { get; }

    /// <summary>By <c>outcome</c>: one of <see cref="SilenceOutcomes"/>.</summary>
    public DeclaredCounter MaintenanceSilences { get; }

    public void Processed(ProcessingOutcome outcome) => DeliveriesProcessed.Increment(Label(outcome));

    public void Dispose() => Meter.Dispose();

    private static string Label(ProcessingOutcome outcome) => outcome.ToString().ToLowerInvariant();
}
