using System.Globalization;

namespace GitHubIncidentApp.Bench;

/// <summary>The command line's <c>--name value</c> options.</summary>
internal sealed class BenchArgs(string[] args)
{
    public int Int(string name, int fallback) =>
        Value(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    /// <summary>A comma-separated list, such as <c>--rates 200,500,1000</c>.</summary>
    public int[] Ints(string name, int[] fallback) =>
        Value(name) is { } value ? [.. value.Split(',').Select(item => int.Parse(item, CultureInfo.InvariantCulture))] : fallback;

    private string? Value(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
