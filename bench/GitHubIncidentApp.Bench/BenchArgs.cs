using System.Globalization;

namespace GitHubIncidentApp.Bench;

/// <summary>The command line's <c>--name value</c> options.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback) =>
        Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>As <see cref="Int"/>, refusing zero and negative values.</summary>
    public int Positive(string name, int fallback) =>
        Int(name, fallback) is var value && value > 0 ? value : throw new ArgumentException($"{name} must be a positive whole number, not {value}.");

    /// <summary>A comma-separated list, such as <c>--rates 200,500,1000</c>.</summary>
    public int[] Ints(string name, int[] fallback) =>
        Value(name) is { } value ? [.. value.Split(',').Select(item => int.Parse(item, CultureInfo.InvariantCulture))] : fallback;

    /// <summary>One of <paramref name="allowed"/> (the first is the default); any other value is refused with the list.</summary>
    public string Choice(string name, params string[] allowed)
    {
        var value = Value(name) ?? allowed[0];
        return allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new ArgumentException($"{name} {value} is not known: use one of {string.Join(", ", allowed)}.");
    }

    private string? Value(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
