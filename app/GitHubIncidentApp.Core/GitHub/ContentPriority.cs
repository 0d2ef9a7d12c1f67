namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// How urgent the content the current flow creates is (higher goes first): the inbox priority of the delivery
/// being applied. Ambient, like <see cref="System.Diagnostics.Activity.Current"/>, because the whole incident
/// pipeline sits between the inbox and the <see cref="ContentPacer"/>; outside a delivery (the Action, tests) it is 0.
/// </summary>
public static class ContentPriority
{
    private static readonly AsyncLocal<int> Ambient = new();

    public static int Current => Ambient.Value;

    /// <summary>Makes <paramref name="priority"/> the current one until the result is disposed.</summary>
    public static IDisposable Enter(int priority)
    {
        var previous = Ambient.Value;
        Ambient.Value = priority;
        return new Exit(previous);
    }

    private sealed class Exit(int previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
