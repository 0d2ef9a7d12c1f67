using System.Diagnostics.Metrics;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Metrics;

/// <summary>
/// The observable instruments of one <see cref="Meter"/> in the Prometheus text format, collected at each scrape by a
/// <see cref="MeterListener"/>. Hand-written rather than OpenTelemetry's Prometheus exporter (only a beta of it is
/// served): that one adds an <c>otel_scope_name</c> label to every series and a <c>target_info</c> family, which the
/// alert rules and dashboards built on these names would have to follow, and it cost this app 5.7 MB more RSS after
/// start and 5.6-8 MB after 3,000 deliveries (dry run, two runs each), against a memory goal the app already misses
/// (README, benchmark). Names follow that exporter's rules all the same (a counter gets <c>_total</c>; a name already
/// ends in its unit): its output for these instruments had the same families, so a switch keeps them.
/// </summary>
public sealed class MetricsExposition : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Lock _collecting = new();
    private readonly List<(Instrument Instrument, string Labels, double Value)> _samples = [];

    /// <param name="meter">Every instrument on it is observable (<see cref="DeclaredCounter"/> for counts), so nothing is summed here between scrapes.</param>
    public MetricsExposition(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == meter && instrument.IsObservable)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every family, by name, its samples by labels.</summary>
    public string Collect()
    {
        lock (_collecting)
        {
            _samples.Clear();
            _listener.RecordObservableInstruments();
            var text = new MetricsText();
            foreach (var family in _samples.GroupBy(sample => sample.Instrument).Select(Family).OrderBy(family => family.Name, StringComparer.Ordinal))
            {
                text.Family(family.Name, family.Type, family.Help);
                foreach (var (_, labels, value) in family.Samples.OrderBy(sample => sample.Labels, StringComparer.Ordinal))
                {
                    text.Sample(family.Name, labels, value);
                }
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    private static (string Name, string Type, string Help, IEnumerable<(Instrument, string Labels, double)> Samples) Family(IGrouping<Instrument, (Instrument, string, double)> samples)
    {
        var instrument = samples.Key;
        var counter = instrument.GetType().GetGenericTypeDefinition() == typeof(ObservableCounter<>);
        return (counter ? instrument.Name + "_total" : instrument.Name, counter ? "counter" : "gauge", instrument.Description ?? instrument.Name, samples);
    }

    // Called back from RecordObservableInstruments, on the collecting thread and under its lock.
    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = new string[tags.Length];
        var values = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            names[i] = tags[i].Key;
            values[i] = tags[i].Value?.ToString() ?? "";
        }

        _samples.Add((instrument, MetricsText.Labels(names, values), value));
    }
}
