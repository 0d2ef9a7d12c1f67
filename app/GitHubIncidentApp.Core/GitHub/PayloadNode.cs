using System.Globalization;
using System.Text.Json;
using GitHubIncidentApp.Core.Json;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// A JSON value of a webhook payload together with its path from the root, so a reader can say
/// exactly which field is missing or of the wrong type. Every read that fails throws
/// <see cref="MalformedPayloadException"/>; the parser turns that into its error.
/// </summary>
internal readonly record struct PayloadNode(JsonElement Element, string Path)
{
    public static PayloadNode Root(JsonElement element) => new(element, "");

    public PayloadNode Object(string name) =>
        OptionalObject(name) ?? throw Missing(name);

    /// <summary>The object, or null when it is missing or null.</summary>
    public PayloadNode? OptionalObject(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new PayloadNode(value, PathOf(name))
            : throw WrongKind(name, "an object", value);
    }

    /// <summary>Whether the field is there with a value other than null.</summary>
    public bool Has(string name) => TryGet(name, out _);

    public string String(string name) => OptionalString(name) ?? throw Missing(name);

    public string? OptionalString(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw WrongKind(name, "a string", value);
    }

    public int Int32(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw NotWholeNumber(name);

    public long Int64(string name) =>
        TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw NotWholeNumber(name);

    public DateTimeOffset? OptionalTime(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new MalformedPayloadException($"'{PathOf(name)}' is \"{text}\", not an ISO 8601 time");
    }

    /// <summary>
    /// The <paramref name="field"/> of each object in the array <paramref name="name"/> (such as the
    /// names of the labels); empty when the array is missing or null.
    /// </summary>
    public IReadOnlyList<string> Strings(string name, string field)
    {
        if (!TryGet(name, out var array))
        {
            return [];
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            throw WrongKind(name, "an array", array);
        }

        var values = new List<string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemName = $"{name}[{index++}]";
            var node = item.ValueKind == JsonValueKind.Object
                ? new PayloadNode(item, PathOf(itemName))
                : throw new MalformedPayloadException($"'{PathOf(itemName)}' must be an object, not {JsonKinds.Describe(item.ValueKind)}");
            values.Add(node.String(field));
        }

        return values;
    }

    private bool TryGet(string name, out JsonElement value) =>
        Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    private MalformedPayloadException Missing(string name) => new($"'{PathOf(name)}' is missing");

    private MalformedPayloadException NotWholeNumber(string name) =>
        Has(name) ? new($"'{PathOf(name)}' must be a whole number") : Missing(name);

    private MalformedPayloadException WrongKind(string name, string expected, JsonElement value) =>
        new($"'{PathOf(name)}' must be {expected}, not {JsonKinds.Describe(value.ValueKind)}");
}

/// <summary>A payload field is missing or not of the type GitHub sends.</summary>
internal sealed class MalformedPayloadException(string message) : Exception(message);
