using System.Collections.Concurrent;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Reports;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// Reads a repository's incidents for a period (only the app's own issues, through <see cref="TrustedMarkers"/>) and
/// renders the report; opens the periodic report issue when one is due. Each period is posted once: before opening one,
/// the report issues are searched for the period's marker in an issue the app's bot opened, under the repository's report
/// lock (shared by every replica on PostgreSQL), so neither a restart nor a second replica posts it twice.
/// </summary>
/// <param name="index">
/// The App's index, whose state wins over a marker's (some changes reach the marker only later); without one (the <c>report</c>
/// verb) the markers are read alone. Only issues whose markers are trusted are looked up.
/// </param>
/// <param name="locks">Where repositories are locked: within this process unless given (several replicas share a database's).</param>
public sealed partial class IncidentReports(
    IGitHubPort github, IBotIdentity bot, TrustedMarkers markers, LabelCache labels, TimeProvider time, ILogger<IncidentReports> logger,
    IIncidentIndex? index = null, IIncidentLocks? locks = null)
{
    /// <summary>The label of report issues: not the incident label, so a report never counts as an incident.</summary>
    public const string Label = "incident-report";

    public static LabelSpec LabelSpec { get; } = new(Label, "1d76db", "A periodic report of the repository's incidents");

    /// <summary>A report this long past its time is not posted: an app that was down does not post stale reports as it starts.</summary>
    public static readonly TimeSpan MaxLateness = TimeSpan.FromHours(6);

    /// <summary>The longest period read at once: a report reads every incident issue updated since its start.</summary>
    public const int MaxDays = 90;

    private readonly IIncidentLocks _locks = locks ?? new InProcessIncidentLocks();

    // The period each repository's report was last settled for (posted, found or quiet): later passes cost no GitHub read.
    private readonly ConcurrentDictionary<RepoRef, string> _settled = new();

    /// <summary>The report of <paramref name="period"/>: its figures, title and body.</summary>
    public async Task<RenderedReport> RenderAsync(RepoRef repo, IncidentConfig config, ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.Days > MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period.Days, $"a report covers at most {MaxDays} days");
        }

        // Issues touched since the period began, and those still open: an incident firing quietly all along counts too.
        var updated = await markers.ListAsync(repo, config, cancellationToken, updatedSince: period.From);
        var open = await markers.ListAsync(repo, config, cancellationToken, openOnly: true);
        var incidents = new List<(IssueSnapshot, IncidentState)>();
        foreach (var (issue, state) in updated.Concat(open).DistinctBy(incident => incident.Issue.Number))
        {
            var indexed = index is null ? null : await index.FindByIssueAsync(repo, issue.Number, cancellationToken);
            incidents.Add((issue, indexed is not null && IncidentState.FromJson(indexed.StateJson) is { } known && known.Key == state.Key ? known : state));
        }

        var figures = ReportFigures.Compute(ReportFacts.From(incidents, config, period), period);
        return new RenderedReport(period, figures, ReportMarkdown.Title(repo.ToString(), period), ReportMarkdown.Render(repo.ToString(), period, figures));
    }

    /// <summary>Opens the report issue of the period whose report time has come, unless it is off, quiet, stale or already posted.</summary>
    public async Task<ReportOutcome> PostDueAsync(RepoRef repo, IncidentConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.Report.Enabled)
        {
            return new ReportOutcome("Reports are off (report: false).");
        }

        var zone = config.OnCall?.TimeZone ?? TimeZoneInfo.Utc;
        if (ReportPeriod.Due(config.Report, zone, time.GetUtcNow(), MaxLateness) is not { } due)
        {
            return new ReportOutcome("No report is due.");
        }

        var period = due.Period;
        if (_settled.TryGetValue(repo, out var settled) && settled == period.Key)
        {
            return new ReportOutcome($"The report of {period.Range} is settled.");
        }

        // A word first, so the key is never an incident's (theirs start with the repository).
        await using var held = await _locks.AcquireAsync($"report {repo.ToString().ToLowerInvariant()}", cancellationToken);
        if (await FindAsync(repo, period, cancellationToken) is { } existing)
        {
            _settled[repo] = period.Key;
            return new ReportOutcome($"The report of {period.Range} is #{existing.Number}.");
        }

        var report = await RenderAsync(repo, config, period, cancellationToken);
        if (report.Figures.IsQuiet)
        {
            _settled[repo] = period.Key;
            return new ReportOutcome($"No incident in {period.Range}: no report.");
        }

        await labels.EnsureAsync(repo, [LabelSpec], cancellationToken);
        var issue = await github.CreateIssueAsync(repo, new NewIssue { Title = report.Title, Body = report.Body, Labels = [Label] }, cancellationToken);
        _settled[repo] = period.Key;
        LogPosted(repo.ToString(), period.Range, issue.Number);
        return new ReportOutcome($"Opened the report of {period.Range}: #{issue.Number}.", issue.Number);
    }

    /// <summary>The report issue of <paramref name="period"/> the app opened, if any (it was opened after the period, so updated since its start).</summary>
    private async Task<IssueSnapshot?> FindAsync(RepoRef repo, ReportPeriod period, CancellationToken cancellationToken)
    {
        var login = await bot.GetLoginAsync(cancellationToken);
        var marker = ReportMarkdown.Marker(period);
        return (await github.ListIssuesWithLabelAsync(repo, Label, cancellationToken, period.From))
            .FirstOrDefault(issue => string.Equals(issue.Author, login, StringComparison.OrdinalIgnoreCase) && issue.Body.StartsWith(marker, StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the incident report of {Repo} for {Period}: issue {IssueNumber}")]
    private partial void LogPosted(string repo, string period, int issueNumber);
}

public sealed record RenderedReport(ReportPeriod Period, ReportFigures Figures, string Title, string Body);

/// <summary>What a report pass did for a repository, in a sentence; <see cref="Posted"/> is the issue it opened.</summary>
public sealed record ReportOutcome(string Description, int? Posted = null);
