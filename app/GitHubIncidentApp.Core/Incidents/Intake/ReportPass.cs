using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// When the App opens the periodic report issues (<see cref="IncidentReports"/>): a pass every <see cref="Interval"/> over the
/// repositories it works for (those whose settings it has read and stored; a repository it never heard of has no incidents of
/// its), each with its stored settings, so a pass costs no GitHub read until a report is due. One repository's failure is logged and the others go on; at most
/// <see cref="MaxPostsPerPass"/> reports are opened per pass (the rest wait for the next, well within their lateness bound).
/// </summary>
public sealed partial class ReportPass(IncidentReports reports, RepoSettingsCache settings, ISettingsSnapshots snapshots, ILogger<ReportPass> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public const int MaxPostsPerPass = 20;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var posted = 0;
        foreach (var repo in await snapshots.ListAsync(RepoSettingsCache.MaxRepositories, cancellationToken))
        {
            if (posted >= MaxPostsPerPass)
            {
                return;
            }

            try
            {
                if (await settings.GetKeptAsync(repo, cancellationToken) is { } kept)
                {
                    posted += (await reports.PostDueAsync(repo, kept.Config, cancellationToken)).Posted is null ? 0 : 1;
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(repo.ToString(), e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not open the incident report of {Repo}; the next pass tries again")]
    private partial void LogFailed(string repo, Exception exception);
}
