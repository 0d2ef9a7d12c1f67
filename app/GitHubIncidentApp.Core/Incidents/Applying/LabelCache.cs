using System.Collections.Concurrent;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// The labels each repository has, read once, so a label is created (with its colour) only when missing.
/// Workers that need one missing label at once wait for a single creation.
/// </summary>
public sealed class LabelCache(IGitHubPort github)
{
    /// <summary>Repositories whose labels are kept at once; past it the least recently used are listed again when needed.</summary>
    public const int MaxRepositories = 1_000;

    // Kept until pushed out (a label is not expected to go away), so the system clock only orders the use.
    private readonly KeyedAsyncCache<RepoRef, ConcurrentDictionary<string, Lazy<Task>>> _known = new(TimeProvider.System, MaxRepositories, _ => null);

    /// <summary>Creates, with their colours, the labels the repository does not have yet.</summary>
    public async Task EnsureAsync(RepoRef repo, IReadOnlyList<LabelSpec> labels, CancellationToken cancellationToken)
    {
        var known = await LoadAsync(repo, cancellationToken);
        foreach (var label in labels.DistinctBy(l => l.Name, StringComparer.OrdinalIgnoreCase))
        {
            var creation = known.GetOrAdd(label.Name, _ => new Lazy<Task>(() => github.CreateLabelAsync(repo, label, CancellationToken.None)));
            try
            {
                await creation.Value.WaitAsync(cancellationToken);
            }
            catch when (creation.Value.IsFaulted || creation.Value.IsCanceled)
            {
                // A failed creation must not stay cached; the next delivery tries again.
                known.TryRemove(KeyValuePair.Create(label.Name, creation));
                throw;
            }
        }
    }

    private Task<ConcurrentDictionary<string, Lazy<Task>>> LoadAsync(RepoRef repo, CancellationToken cancellationToken) =>
        _known.GetAsync(repo, async r =>
        {
            var names = await github.ListLabelsAsync(r, cancellationToken);
            return new ConcurrentDictionary<string, Lazy<Task>>(
                names.Select(n => KeyValuePair.Create(n, new Lazy<Task>(Task.CompletedTask))), StringComparer.OrdinalIgnoreCase);
        }, cancellationToken);
}
