using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>
/// A burst of Alertmanager deliveries for many distinct alert groups, and the exact set of issues it must
/// leave behind. Group <c>n</c> fires; when <c>n % 5</c> is 1, 3 or 4 a second alert joins it; when it is 2,
/// 3 or 4 it resolves. Severities alternate, starting with critical.
/// </summary>
public sealed class AlertBurst
{
    /// <summary>The label every incident issue carries.</summary>
    public const string IncidentLabel = "incident";

    /// <summary>The label a resolution adds, as <see cref="ConfigFile"/> names it.</summary>
    public const string ResolvedLabel = "all-clear";

    /// <summary>
    /// The repository's <c>.github/incidents.yml</c> for the burst: an extra label per group and a resolved label
    /// of its own, so that an issue changed under the defaults (a config read that failed quietly) stands out. Storms are
    /// off: the burst is about every group's own issue, and past ten groups they would join a storm issue instead.
    /// </summary>
    public const string ConfigFile = $"labels: [\"team/{{{{ labels.namespace }}}}\"]\nresolve:\n  label: {ResolvedLabel}\nstorm:\n  enabled: false\n";

    private static readonly DateTimeOffset StartsAt = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private AlertBurst(IReadOnlyList<BurstGroup> groups)
    {
        Groups = groups;
        Deliveries = [.. Enumerable.Range(1, 3).SelectMany(wave => groups.SelectMany(group => DeliveryOf(group, wave)))];
    }

    public IReadOnlyList<BurstGroup> Groups { get; }

    /// <summary>Every delivery, wave by wave, the groups in order within a wave.</summary>
    public IReadOnlyList<BurstDelivery> Deliveries { get; }

    public IReadOnlyList<ExpectedIssue> Expected => [.. Groups.Select(ExpectedOf)];

    public static AlertBurst Create(int groups) =>
        new([.. Enumerable.Range(1, groups).Select(n => new BurstGroup
        {
            Number = n,
            Severity = n % 2 == 1 ? "critical" : "warning",
            SecondAlert = n % 5 is 1 or 3 or 4,
            Resolves = n % 5 is 2 or 3 or 4,
        })]);

    public IEnumerable<BurstDelivery> Wave(int wave) => Deliveries.Where(d => d.Wave == wave);

    private static IEnumerable<BurstDelivery> DeliveryOf(BurstGroup group, int wave)
    {
        string[] instances = group.SecondAlert ? ["a", "b"] : ["a"];
        var json = wave switch
        {
            1 => Payload(group, ["a"], resolved: false),
            2 when group.SecondAlert => Payload(group, instances, resolved: false),
            3 when group.Resolves => Payload(group, instances, resolved: true),
            _ => null,
        };
        return json is null ? [] : [new BurstDelivery(group, wave, json)];
    }

    private static ExpectedIssue ExpectedOf(BurstGroup group) => new()
    {
        Title = group.Title,
        Open = !group.Resolves,
        Labels = [IncidentLabel, $"severity/{group.Severity}", $"team/{group.Namespace}", .. group.Resolves ? [ResolvedLabel] : Array.Empty<string>()],
        Comments = (group.SecondAlert ? 1 : 0) + (group.Resolves ? 1 : 0),
        MarkedFiring = group.SecondAlert ? 2 : 1,
    };

    /// <summary>A webhook body (version 4) as Alertmanager sends it for the group with <paramref name="instances"/>.</summary>
    private static string Payload(BurstGroup group, string[] instances, bool resolved)
    {
        var groupLabels = new JsonObject { ["alertname"] = group.AlertName, ["namespace"] = group.Namespace };
        var annotations = new JsonObject { ["summary"] = group.Summary, ["description"] = $"{group.Summary} in {group.Namespace}." };
        var alerts = new JsonArray([.. instances.Select(instance => (JsonNode)new JsonObject
        {
            ["status"] = resolved ? "resolved" : "firing",
            ["labels"] = new JsonObject
            {
                ["alertname"] = group.AlertName,
                ["namespace"] = group.Namespace,
                ["instance"] = $"{instance}:9100",
                ["severity"] = group.Severity,
            },
            ["annotations"] = annotations.DeepClone(),
            ["startsAt"] = Time(StartsAt),
            ["endsAt"] = resolved ? Time(StartsAt.AddMinutes(30)) : "0001-01-01T00:00:00Z",
            ["generatorURL"] = "http://prometheus.example.org/graph",
            ["fingerprint"] = Fingerprint($"{group.AlertName}/{instance}"),
        })]);
        var commonLabels = groupLabels.DeepClone().AsObject();
        commonLabels["severity"] = group.Severity;
        var payload = new JsonObject
        {
            ["receiver"] = "incidents",
            ["status"] = resolved ? "resolved" : "firing",
            ["alerts"] = alerts,
            ["groupLabels"] = groupLabels,
            ["commonLabels"] = commonLabels,
            ["commonAnnotations"] = annotations,
            ["externalURL"] = "http://alertmanager.example.org",
            ["version"] = "4",
            ["groupKey"] = $"{{}}:{{alertname=\"{group.AlertName}\", namespace=\"{group.Namespace}\"}}",
            ["truncatedAlerts"] = 0,
        };
        return payload.ToJsonString();
    }

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
