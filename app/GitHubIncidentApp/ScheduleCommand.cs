using System.Globalization;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp;

/// <summary>
/// <c>schedule [--repo-dir DIR] [--from DATE] [--days N] [--svg FILE] [--ics FILE [--person LOGIN] [--repo OWNER/NAME]]</c>: the hand-offs
/// of every rotation over the next days as a Markdown table, for reviewing a schedule change; with <c>--svg</c> a timeline
/// picture of them, with <c>--ics</c> an iCalendar file of them (one person's with <c>--person</c>) to import into a calendar.
/// </summary>
public static class ScheduleCommand
{
    private const int DefaultDays = 14;
    private const int MaxDays = 366;

    internal static readonly string Usage = "usage: schedule [--repo-dir DIR] [--from DATE] [--days N] [--svg FILE] [--ics FILE [--person LOGIN] [--repo OWNER/NAME]]\n"
        + "  --repo-dir   a checkout of the repository whose .github/incidents.yml holds the schedule (default: the current directory)\n"
        + $"  --from       where the table starts (default: today's midnight in the file's timezone): {TimeArgument.Syntax}\n"
        + $"  --days       how many days it covers, 1 to {MaxDays} (default: {DefaultDays})\n"
        + "  --svg        also write a timeline picture of it to FILE\n"
        + "  --ics        also write it as an iCalendar file to FILE, for Google Calendar, Outlook or Apple Calendar to import\n"
        + "  --person     with --ics, only the shifts of this GitHub login\n"
        + "  --repo       with --ics, the repository the schedule is of (default: the checkout's folder name): each shift is\n"
        + "               then the same event (the same UID) as in the App's feed of that repository";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, TimeProvider? time = null)
    {
        if (CommandArgs.Parse(args, ["--repo-dir", "--from", "--days", "--svg", "--ics", "--person", "--repo"], maxPositional: 0, out var usageError) is not { } parsedArgs)
        {
            await errors.WriteLineAsync($"error: {usageError}\n{Usage}");
            return 2;
        }

        var days = DefaultDays;
        if (parsedArgs["--days"] is { } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out days) || days is < 1 or > MaxDays))
        {
            await errors.WriteLineAsync($"error: --days '{daysText}' is not a whole number from 1 to {MaxDays}\n{Usage}");
            return 2;
        }

        if (parsedArgs["--person"] is not null && parsedArgs["--ics"] is null)
        {
            await errors.WriteLineAsync($"error: --person picks whose shifts go into the --ics file: give --ics FILE too\n{Usage}");
            return 2;
        }

        if (parsedArgs["--repo"] is not null && parsedArgs["--ics"] is null)
        {
            await errors.WriteLineAsync($"error: --repo names whose schedule the --ics file is: give --ics FILE too\n{Usage}");
            return 2;
        }

        RepoRef? named = null;
        if (parsedArgs["--repo"] is { } repoText)
        {
            (named, var problem) = RepoRef.Parse(repoText);
            if (named is null)
            {
                await errors.WriteLineAsync($"error: --repo {problem}\n{Usage}");
                return 2;
            }
        }

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repo)
        {
            return 2;
        }

        if (await repo.LoadOnCallAsync(errors) is not { OnCall: { } onCall })
        {
            return 1;
        }

        var zone = onCall.TimeZone;
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var from = ZoneTime.StartOfDay(now, zone);
        if (parsedArgs["--from"] is { } fromText && !TimeArgument.TryParse(fromText, zone, out from))
        {
            await errors.WriteLineAsync($"error: --from '{fromText}' is not {TimeArgument.Syntax}");
            return 2;
        }

        var to = ZoneTime.AddDays(from, days, zone);
        var segments = OnCallResolver.Handoffs(onCall, from, to);
        await output.WriteLineAsync($"Hand-offs from {ScheduleTable.LocalTime(from, zone)} to {ScheduleTable.LocalTime(to, zone)} ({days} days).");
        await output.WriteAsync(ScheduleTable.Render(onCall, segments));

        if (parsedArgs["--svg"] is { } svgPath
            && !await WriteAsync(svgPath, "the picture", "the timeline picture", () => ScheduleSvg.Render(onCall, from, to, segments), output, errors))
        {
            return 2;
        }

        if (parsedArgs["--ics"] is { } icsPath)
        {
            var person = parsedArgs["--person"];
            // The repository as the App's feed names it (OnCallFeeds), else the checkout's folder name, is in the calendar's name and its events' UIDs.
            var scope = named?.ToString() ?? new DirectoryInfo(Path.GetFullPath(repo.Root)).Name;
            var shifts = ScheduleCalendar.Shifts(onCall, from, to, person);
            if (!await WriteAsync(icsPath, "the calendar", $"the calendar ({shifts.Count} shift{(shifts.Count == 1 ? "" : "s")})", () => ScheduleCalendar.Render(onCall, scope, person, shifts, now), output, errors))
            {
                return 2;
            }
        }

        return 0;
    }

    private static async Task<bool> WriteAsync(string path, string what, string written, Func<string> render, TextWriter output, TextWriter errors)
    {
        try
        {
            await File.WriteAllTextAsync(path, render());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"error: cannot write {what} to '{path}': {ex.Message}");
            return false;
        }

        await output.WriteLineAsync($"\nWrote {written} to {path}.");
        return true;
    }
}
