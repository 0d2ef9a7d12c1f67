using System.Globalization;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Applying;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Reports;
using Microsoft.Extensions.Logging.Abstractions;

namespace GitHubIncidentApp;

/// <summary>
/// <c>report --repo owner/name --from DATE [--days N] [--bot LOGIN]</c>: the report of a range of a repository's incidents, as
/// the periodic report issue would have it, printed as Markdown. Read from GitHub with <c>GITHUB_TOKEN</c>: the config (for
/// its time zone, routes and schedule) and the incident issues; only the issues the app's bot opened count.
/// </summary>
public static class ReportCommand
{
    private const int DefaultDays = 7;

    internal static readonly string Usage = "usage: report --repo owner/name --from DATE [--days N] [--bot LOGIN]\n"
        + "  --repo   the repository whose incidents are reported\n"
        + "  --from   the first day, such as 2026-11-23, in the time zone of the repository's .github/incidents.yml (UTC without one)\n"
        + $"  --days   how many days it covers, 1 to {IncidentReports.MaxDays} (default: {DefaultDays})\n"
        + "  --bot    the login of the app that opened the incident issues, such as my-incident-app[bot] (default: the token's user, as for an app run with a token)\n"
        + "environment: GITHUB_TOKEN, a token that can read the repository's issues and contents (required);\n"
        + "  GITHUB_API_URL or GHE_HOST for GitHub Enterprise (default: https://api.github.com)\n"
        + "exit code: 0 printed, 1 GitHub could not be read, 2 bad usage or settings";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (CommandArgs.Parse(args, ["--repo", "--from", "--days", "--bot"], maxPositional: 0, out var usageError) is not { } parsed)
        {
            return await UsageAsync(errors, usageError!);
        }

        if (parsed["--repo"] is not { } repoText)
        {
            return await UsageAsync(errors, "give the repository with --repo owner/name");
        }

        var (repo, repoProblem) = RepoRef.Parse(repoText);
        if (repo is null)
        {
            return await UsageAsync(errors, $"--repo names no repository: {repoProblem}");
        }
        if (parsed["--from"] is not { } fromText)
        {
            return await UsageAsync(errors, "give the first day with --from, such as --from 2026-11-23");
        }

        if (!DateOnly.TryParseExact(fromText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return await UsageAsync(errors, $"--from '{fromText}' is not a date such as 2026-11-23");
        }

        var days = DefaultDays;
        if (parsed["--days"] is { } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > IncidentReports.MaxDays))
        {
            return await UsageAsync(errors, $"--days '{daysText}' is not a whole number from 1 to {IncidentReports.MaxDays}");
        }

        if (parsed["--bot"] is { } botText && !GitHubLogin.IsAuthor(botText.TrimStart('@')))
        {
            return await UsageAsync(errors, $"--bot '{botText}' is not a GitHub login");
        }

        if (TokenEnvironment.Token(environment) is not { } token)
        {
            await errors.WriteLineAsync($"error: GITHUB_TOKEN is not set: set it to a token that can read {repo}'s issues and contents (for GitHub Enterprise, GITHUB_API_URL too)");
            return AppCommandLine.ExitUsage;
        }

        if (await TokenEnvironment.ApiUrlAsync(environment, errors) is not { } apiUrl)
        {
            return AppCommandLine.ExitUsage;
        }

        using var client = new TokenClientProvider(token, apiUrl);
        try
        {
            await output.WriteAsync(await RenderAsync(client, repo, from, days, parsed["--bot"]));
            return AppCommandLine.ExitOk;
        }
        catch (Exception e) when (e is GitHubApiException or GitHubAppNotInstalledException || GitHubFailures.IsOutage(e))
        {
            await errors.WriteLineAsync($"error: reading {repo} from GitHub ({apiUrl}) failed: {e.Message}; check that GITHUB_TOKEN can read its issues and contents, and GITHUB_API_URL");
            return AppCommandLine.ExitProblems;
        }
    }

    private static async Task<string> RenderAsync(TokenClientProvider client, RepoRef repo, DateOnly from, int days, string? botLogin)
    {
        var github = new OctokitGitHubPort(client);
        IBotIdentity bot = botLogin is null ? client : new FixedBotIdentity(botLogin.TrimStart('@'));
        var settings = await new RepoSettingsCache(github, bot, TimeProvider.System, NullLogger<RepoSettingsCache>.Instance).GetAsync(repo, CancellationToken.None);
        var zone = settings.Config.OnCall?.TimeZone ?? TimeZoneInfo.Utc;
        var reports = new IncidentReports(
            github, bot, new TrustedMarkers(github, bot, NullLogger<TrustedMarkers>.Instance), new LabelCache(github), TimeProvider.System, NullLogger<IncidentReports>.Instance);
        var report = await reports.RenderAsync(repo, settings.Config, ReportPeriod.OfDays(from, days, zone), CancellationToken.None);
        return report.Body;
    }

    private static async Task<int> UsageAsync(TextWriter errors, string problem)
    {
        await errors.WriteLineAsync($"error: {problem}\n{Usage}");
        return AppCommandLine.ExitUsage;
    }
}
