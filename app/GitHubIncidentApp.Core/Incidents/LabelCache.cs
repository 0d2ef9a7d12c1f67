using System.Collections.Concurrent;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents;

/// <summary>
/// Which labels each repository has, read once per repository and kept: labels are created once,
/// so checking them on every delivery would only spend API calls.
/// </summary>
public sealed class LabelCache(IGitHubPort github)
{
    private readonly ConcurrentDictionary<RepoRef, Lazy<Task<ConcurrentDictionary<string, bool>>>> _known = new();

    /// <summary>Creates, with their colours, the labels the repository does not have yet.</summary>
    public async Task EnsureAsync(RepoRef repo, IReadOnlyList<LabelSpec> labels, CancellationToken cancellationToken)
    {
        var known = await LoadAsync(repo, cancellationToken);
        foreach (var label in labels.DistinctBy(l => l.Name, StringComparer.OrdinalIgnoreCase))
        {
            if (!known.ContainsKey(label.Name))
            {
                await github.CreateLabelAsync(repo, label, cancellationToken);
                known[label.Name] = true;
            }
        }
    }

    private async Task<ConcurrentDictionary<string, bool>> LoadAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        var lazy = _known.GetOrAdd(repo, r => new Lazy<Task<ConcurrentDictionary<string, bool>>>(async () =>
        {
            var names = await github.ListLabelsAsync(r, cancellationToken);
            return new ConcurrentDictionary<string, bool>(names.Select(n => KeyValuePair.Create(n, true)), StringComparer.OrdinalIgnoreCase);
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
