using System.Net;
using System.Text.Json;

namespace GitHubIncidentApp.Tests;

/// <summary>The app's answer; <see cref="Text"/> is what its JSON says, unescaped (the JSON escapes quotes).</summary>
public sealed record HostileAnswer(HttpStatusCode Status, string Body, string Text)
{
    public static HostileAnswer Of(HttpStatusCode status, string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return new HostileAnswer(status, body, string.Join('\n', Strings(json.RootElement)));
        }
        catch (JsonException)
        {
            return new HostileAnswer(status, body, body);
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(property => Strings(property.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

/// <summary>One hostile request and what the app must answer; the invariants after it are checked for every case.</summary>
public sealed record HostileCase
{
    public required string Name { get; init; }
    public required Func<HostileTestBase, Task<HostileAnswer>> Send { get; init; }
    public required HttpStatusCode Status { get; init; }

    /// <summary>Part of the answer's body: the error that tells the sender what to fix.</summary>
    public string? Says { get; init; }

    /// <summary>
    /// The writes the case makes to GitHub (see <see cref="HostileTestBase.WritesSince"/>); none by default,
    /// null when <see cref="Check"/> looks at them itself.
    /// </summary>
    public IReadOnlyList<string>? Writes { get; init; } = [];

    /// <summary>What GitHub got, checked once the app is idle.</summary>
    public Func<HostileTestBase, Task>? Check { get; init; }
}
