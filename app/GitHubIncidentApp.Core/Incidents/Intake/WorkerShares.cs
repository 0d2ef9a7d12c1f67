using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// How many of this replica's workers each repository holds. A repository at its <see cref="Share"/> is skipped
/// by the next claims, so one repository's slow or failing deliveries leave the other workers to the others.
/// Claims run one at a time, so two workers cannot both take a repository's last free place.
/// </summary>
public sealed class WorkerShares(int workers) : IDisposable
{
    private readonly SemaphoreSlim _claiming = new(1, 1);
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    /// <summary>Half the workers (at least one): with two or more, a repository never holds them all.</summary>
    public int Share { get; } = Math.Max(1, workers / 2);

    /// <summary>
    /// Runs <paramref name="claim"/> with the repositories at their share, and counts the claimed delivery's
    /// repository as holding a worker until the returned handle is disposed.
    /// </summary>
    public async Task<HeldShare?> ClaimAsync(Func<IReadOnlyCollection<string>, Task<InboxEntry?>> claim, CancellationToken cancellationToken)
    {
        await _claiming.WaitAsync(cancellationToken);
        try
        {
            List<string> full;
            lock (_held)
            {
                full = [.. _held.Where(held => held.Value >= Share).Select(held => held.Key)];
            }

            if (await claim(full) is not { } entry)
            {
                return null;
            }

            var repo = entry.Item.Repo;
            lock (_held)
            {
                _held[repo] = _held.GetValueOrDefault(repo) + 1;
            }

            return new HeldShare(entry, () => Release(repo));
        }
        finally
        {
            _claiming.Release();
        }
    }

    public void Dispose() => _claiming.Dispose();

    private void Release(string repo)
    {
        lock (_held)
        {
            if (--_held[repo] == 0)
            {
                _held.Remove(repo);
            }
        }
    }
}

/// <summary>A claimed delivery; disposing it gives its repository's worker back.</summary>
public sealed class HeldShare(InboxEntry entry, Action release) : IDisposable
{
    public InboxEntry Entry => entry;

    public void Dispose() => release();
}
