using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace GitHubIncidentApp;

/// <summary>
/// A Prometheus counter with fixed label names. Label sets declared up front are exposed at 0 before
/// anything happens, so a rate() over them works from the first scrape.
/// </summary>
public sealed class MetricsCounter(string name, string help, params string[] labelNames)
{
    private readonly ConcurrentDictionary<string, StrongBox<long>> _counts = new(StringComparer.Ordinal);

    public string Name => name;

    public MetricsCounter Declare(params string[] labelValues)
    {
        Count(labelValues);
        return this;
    }

    public void Increment(params string[] labelValues) => Interlocked.Increment(ref Count(labelValues).Value);

    /// <summary>The count for one label set (0 when never counted).</summary>
    public long Get(params string[] labelValues) =>
        _counts.TryGetValue(MetricsText.Labels(labelNames, labelValues), out var count) ? Interlocked.Read(ref count.Value) : 0;

    public void WriteTo(MetricsText text)
    {
        text.Family(name, "counter", help);
        foreach (var (labels, count) in _counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Sample(name, labels, Interlocked.Read(ref count.Value));
        }
    }

    private StrongBox<long> Count(string[] labelValues)
    {
        if (labelValues.Length != labelNames.Length)
        {
            throw new ArgumentException($"{name} takes the labels {string.Join(", ", labelNames)}; got {labelValues.Length} value(s)", nameof(labelValues));
        }

        return _counts.GetOrAdd(MetricsText.Labels(labelNames, labelValues), _ => new StrongBox<long>());
    }
}
