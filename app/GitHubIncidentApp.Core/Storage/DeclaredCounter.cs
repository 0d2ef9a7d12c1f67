using System.Diagnostics.Metrics;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// A counter on a <see cref="Meter"/> for label sets declared up front, counted here and observed by the meter's
/// listeners. Observable rather than a <see cref="Counter{T}"/>: every declared set is reported from the first
/// collection, at 0 before anything happened (so a rate() works from the first scrape) whenever a listener started,
/// where a Counter's Add(0) reaches only the listeners already there; and a listener keeps no sums of its own.
/// </summary>
public sealed class DeclaredCounter
{
    private readonly string _name;
    private readonly IReadOnlyList<string> _labelNames;
    private readonly Dictionary<string, Series> _series = new(StringComparer.Ordinal);

    /// <param name="name">Without the <c>_total</c> a Prometheus exposition adds to a counter.</param>
    /// <param name="labelSets">Each a value per label name, in their order.</param>
    public DeclaredCounter(Meter meter, string name, string description, IReadOnlyList<string> labelNames, IEnumerable<IReadOnlyList<string>> labelSets, string? unit = null)
    {
        _name = name;
        _labelNames = labelNames;
        foreach (var values in labelSets)
        {
            if (values.Count != labelNames.Count)
            {
                throw new ArgumentException($"{name} takes the labels {string.Join(", ", labelNames)}; got {values.Count} value(s)", nameof(labelSets));
            }

            _series.Add(Key(values), new Series(labelNames.Select((label, i) => KeyValuePair.Create(label, (object?)values[i])).ToArray()));
        }

        meter.CreateObservableCounter(name, Observe, unit, description);
    }

    public void Increment(params string[] labelValues) => Interlocked.Increment(ref Find(labelValues).Count);

    /// <summary>The count for one declared label set.</summary>
    public long Get(params string[] labelValues) => Interlocked.Read(ref Find(labelValues).Count);

    private IEnumerable<Measurement<long>> Observe() =>
        _series.Values.Select(series => new Measurement<long>(Interlocked.Read(ref series.Count), series.Tags));

    private Series Find(IReadOnlyList<string> labelValues) =>
        _series.TryGetValue(Key(labelValues), out var series) ? series
            : throw new ArgumentException($"{_name} has no declared series {{{string.Join(", ", _labelNames.Select((label, i) => $"{label}={(i < labelValues.Count ? labelValues[i] : "?")}"))}}}", nameof(labelValues));

    private static string Key(IReadOnlyList<string> labelValues) => string.Join('\u001f', labelValues);

    private sealed class Series(KeyValuePair<string, object?>[] tags)
    {
        public long Count;

        public KeyValuePair<string, object?>[] Tags => tags;
    }
}
