using System.Collections.Concurrent;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// The labels each repository has, read once, so a label is created (with its colour) only when missing.
/// Workers that need one missing label at once wait for a single creation.
/// </summary>
public sealed class LabelCache(IGitHubPort github)
{
    private readonly ConcurrentDictionary<RepoRef, Lazy<Task<ConcurrentDictionary<string, Lazy<Task>>>>> _known = new();

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

    private async Task<ConcurrentDictionary<string, Lazy<Task>>> LoadAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var lazy = _known.GetOrAdd(repo, r => new Lazy<Task<ConcurrentDictionary<string, Lazy<Task>>>>(async () =>
        {
            var names = await github.ListLabelsAsync(r, cancellationToken);
            return new ConcurrentDictionary<string, Lazy<Task>>(
                names.Select(n => KeyValuePair.Create(n, new Lazy<Task>(Task.CompletedTask))), StringComparer.OrdinalIgnoreCase);
        }));
        try
        {
            return await lazy.Value;
        }
        catch
        {
            // A failed read must not stay cached; the next delivery tries again.
            _known.TryRemove(KeyValuePair.Create(repo, lazy));
            throw;
        }
    }
}
