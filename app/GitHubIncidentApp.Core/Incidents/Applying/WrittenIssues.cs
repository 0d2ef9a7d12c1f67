using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// The incident issues written while one delivery is handled, for <see cref="MarkerWriteBack"/>. Ambient (like
/// <see cref="DeliveryScope"/>) because the executor that writes sits several calls below whoever handles the
/// delivery; outside a scope (the App, whose index keeps the state, opens none) nothing is collected.
/// </summary>
public sealed class WrittenIssues : IDisposable
{
    private static readonly AsyncLocal<WrittenIssues?> Ambient = new();

    private readonly Lock _gate = new();
    private readonly List<(RepoRef Repo, int Number)> _issues = [];
    private readonly WrittenIssues? _previous;

    private WrittenIssues(WrittenIssues? previous) => _previous = previous;

    /// <summary>The issues written in the scope, each once, in the order first written.</summary>
    public IReadOnlyList<(RepoRef Repo, int Number)> Issues
    {
        get
        {
            lock (_gate)
            {
                return [.. _issues.Distinct()];
            }
        }
    }

    /// <summary>Collects the issues written from here until the result is disposed.</summary>
    public static WrittenIssues Enter() => Ambient.Value = new WrittenIssues(Ambient.Value);

    /// <summary>Notes a write to issue <paramref name="number"/>, when a scope collects them.</summary>
    public static void Add(RepoRef repo, int number)
    {
        if (Ambient.Value is { } current)
        {
            lock (current._gate)
            {
                current._issues.Add((repo, number));
            }
        }
    }

    public void Dispose() => Ambient.Value = _previous;
}
