using System.Collections;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// A log scope of named values: the JSON console writes each as a property, and a text line shows them as
/// <c>DeliveryId=… Repo=…</c> (a dictionary would print as its type name there).
/// </summary>
public sealed class LogFields(params (string Name, object? Value)[] values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields = [.. values.Select(value => KeyValuePair.Create(value.Name, value.Value))];

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(' ', _fields.Select(field => $"{field.Key}={field.Value}"));
}
