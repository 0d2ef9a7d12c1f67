using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.GitHub;

/// <summary>A dry run's organisation issue fields: read through its reader, when it has one; values only logged.</summary>
public sealed partial class DryRunGitHubPort
{
    /// <summary>Without a reader, the owner counts as one without issue fields: the run says so as it would for real.</summary>
    public Task<IReadOnlyList<OrgIssueField>?> ListIssueFieldsAsync(RepoRef repo, CancellationToken cancellationToken) =>
        _reader?.ListIssueFieldsAsync(repo, cancellationToken) ?? Task.FromResult<IReadOnlyList<OrgIssueField>?>(null);

    public Task SetIssueFieldValuesAsync(RepoRef repo, int number, IReadOnlyList<IssueFieldValue> values, CancellationToken cancellationToken)
    {
        LogSetFields(repo, number, string.Join(", ", values.Select(value => $"{value.FieldId}={value.Value}")));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "dry-run: would set issue fields of {Repo}#{Number}: {Values}")]
    private partial void LogSetFields(RepoRef repo, int number, string values);
}
