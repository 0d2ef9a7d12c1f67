using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Tests.Configuration;

/// <summary>Files of other repositories, keyed by <c>owner/repo:path</c>, with the reads made: the reader <c>_extends</c> takes.</summary>
internal sealed class ExtendsFiles(params (string Where, string Yaml)[] files)
{
    public List<string> Reads { get; } = [];

    public Task<string?> ReadAsync(RepoRef repo, string path, CancellationToken cancellationToken)
    {
        var where = $"{repo}:{path}";
        Reads.Add(where);
        return Task.FromResult<string?>(files.FirstOrDefault(file => file.Where == where).Yaml);
    }
}
