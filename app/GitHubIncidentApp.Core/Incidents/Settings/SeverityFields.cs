using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Settings;

/// <summary>
/// The organisation issue field a repository's <c>severity_field</c> names: each owner's fields are read once per
/// <see cref="FieldsLifetime"/> (a burst of incidents costs one read), and what keeps the field from being set is
/// remembered per repository, like <see cref="IssueTypeCheck"/> does for issue types: logged once, and shown in its
/// incident issues until it is mended.
/// </summary>
public sealed partial class SeverityFields(IGitHubPort github, TimeProvider time, DeliveryMetrics metrics, ILogger<SeverityFields> logger) : IDisposable
{
    public static readonly TimeSpan FieldsLifetime = TimeSpan.FromHours(1);

    /// <summary>Owners and repositories remembered at once; past it the least recently used are read (or learned) again.</summary>
    public const int MaxEntries = 1_000;

    private readonly KeyedAsyncCache<string, (IReadOnlyList<OrgIssueField>? Fields, DateTimeOffset ReadAt)> _fields =
        new(time, MaxEntries, entry => entry.ReadAt + FieldsLifetime, StringComparer.OrdinalIgnoreCase);

    private readonly Lock _gate = new();

    // Repository -> the field its config names and what keeps it from being set.
    private readonly Dictionary<RepoRef, (string Field, string Problem)> _problems = [];

    public DeclaredCounter Writes { get; } = new(metrics.Meter, "incident_app_issue_field_writes",
        "Severity issue field values (severity_field), by outcome: created (sent with the call that opens the issue), set (after a severity change), missing (not sent: the owner has no such field or option), refused (GitHub answered 403, 404 or 422).",
        ["outcome"], [["created"], ["set"], ["missing"], ["refused"]]);

    /// <summary>The problem <paramref name="repo"/>'s issues show while its severity field is known not to be set.</summary>
    public IReadOnlyList<ConfigProblem> ProblemsOf(RepoRef repo, IncidentConfig config)
    {
        lock (_gate)
        {
            return config.SeverityField is { } field && _problems.TryGetValue(repo, out var known) && known.Field == field.Name
                ? [Problem(known.Problem)]
                : [];
        }
    }

    /// <summary>
    /// The value that sets <paramref name="wanted"/>, or null with the problem to show in the issue when it cannot be
    /// set and that was learned just now (null when known already).
    /// </summary>
    public async Task<(IssueFieldValue? Value, ConfigProblem? Learned)> ChooseAsync(RepoRef repo, SeverityFieldWanted wanted, CancellationToken cancellationToken)
    {
        var (fields, _) = await _fields.GetAsync(repo.Owner, _ => ReadAsync(repo, cancellationToken), cancellationToken);
        var choice = SeverityFieldDecider.Choose(wanted, repo.Owner, fields);
        if (choice.Value is { } value)
        {
            return (value, null);
        }

        Writes.Increment("missing");
        return (null, Learn(repo, wanted.Field.Name, choice.Problem!));
    }

    /// <summary>The field was set: in the call that opened the issue (<paramref name="inCreate"/>) or after.</summary>
    public void Took(RepoRef repo, bool inCreate)
    {
        Writes.Increment(inCreate ? "created" : "set");
        lock (_gate)
        {
            _problems.Remove(repo);
        }
    }

    /// <summary>GitHub refused the value; the problem to show when that was learned just now.</summary>
    public ConfigProblem? Refused(RepoRef repo, SeverityFieldWanted wanted, GitHubApiException refusal)
    {
        Writes.Increment("refused");
        var name = wanted.Field.Name;
        return Learn(repo, name,
            $"GitHub refused to set the issue field \"{name}\" ({(int)refusal.StatusCode} {refusal.StatusCode}): check that the field and option still exist and that the app has the organisation permission \"Issue fields: read\" and \"Issues: write\" on the repository, or remove 'severity_field'");
    }

    public void Dispose() => _fields.Dispose();

    private async Task<(IReadOnlyList<OrgIssueField>?, DateTimeOffset)> ReadAsync(RepoRef repo, CancellationToken cancellationToken)
    {
        try
        {
            return (await github.ListIssueFieldsAsync(repo, cancellationToken), time.GetUtcNow());
        }
        catch (GitHubApiException e) when (e.RateLimit is null && !GitHubFailures.IsOutage(e))
        {
            // Refused (403: the app lacks the organisation permission): as good as no fields, until the next read.
            LogNotRead(repo.Owner, (int)e.StatusCode, e.Message);
            return (null, time.GetUtcNow());
        }
    }

    private ConfigProblem? Learn(RepoRef repo, string field, string problem)
    {
        lock (_gate)
        {
            if (_problems.TryGetValue(repo, out var known) && known == (field, problem))
            {
                return null;
            }

            if (_problems.Count >= MaxEntries && !_problems.ContainsKey(repo))
            {
                _problems.Clear();
            }

            _problems[repo] = (field, problem);
        }

        LogNotSet(repo.ToString(), field, problem);
        return Problem(problem);
    }

    private static ConfigProblem Problem(string problem) =>
        new(IncidentConfig.FilePath, null, null, problem) { Severity = ConfigSeverity.Warning };

    [LoggerMessage(Level = LogLevel.Warning, Message = "The severity issue field {Field} of {Repo} is not set: {Problem}. Its incident issues say so until then")]
    private partial void LogNotSet(string repo, string field, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the issue fields of {Owner} ({Status}: {Reason}); grant the app the organisation permission \"Issue fields: read\"")]
    private partial void LogNotRead(string owner, int status, string reason);
}
