namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>The repository's pinned issues: three at most, as on GitHub.</summary>
public sealed partial class FakeRepo
{
    public const int MaxPinned = 3;

    private readonly List<int> _pinned = [];

    /// <summary>The numbers of the pinned issues, in the order they were pinned.</summary>
    public IReadOnlyList<int> Pinned
    {
        get
        {
            lock (_gate)
            {
                return [.. _pinned];
            }
        }
    }

    /// <summary>Pins an issue as a person would (no request is recorded).</summary>
    public void Pin(int number) => _ = TryPin(number) is { } problem ? throw new InvalidOperationException(problem) : 0;

    /// <summary>Pins the issue: null, or why GitHub refuses.</summary>
    internal string? TryPin(int number)
    {
        lock (_gate)
        {
            if (_pinned.Contains(number))
            {
                return null;
            }

            if (_pinned.Count >= MaxPinned)
            {
                return $"You can only pin {MaxPinned} issues to a repository.";
            }

            _pinned.Add(number);
            return null;
        }
    }

    internal void Unpin(int number)
    {
        lock (_gate)
        {
            _pinned.Remove(number);
        }
    }
}
