using System.Globalization;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp;

/// <summary>
/// <c>schedule [--repo-dir DIR] [--from DATE] [--days N] [--svg FILE]</c>: the hand-offs of every rotation over
/// the next days as a Markdown table, and with <c>--svg</c> a timeline picture of them, for reviewing a schedule change.
/// </summary>
public static class ScheduleCommand
{
    private const int DefaultDays = 14;
    private const int MaxDays = 366;

    internal static readonly string Usage = "usage: schedule [--repo-dir DIR] [--from DATE] [--days N] [--svg FILE]\n"
        + "  --repo-dir   a checkout of the repository whose .github/incidents.yml holds the schedule (default: the current directory)\n"
        + $"  --from       where the table starts (default: today's midnight in the file's timezone): {TimeArgument.Syntax}\n"
        + $"  --days       how many days it covers, 1 to {MaxDays} (default: {DefaultDays})\n"
        + "  --svg        also write a timeline picture of it to FILE";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, TimeProvider? time = null)
    {
        if (CommandArgs.Parse(args, ["--repo-dir", "--from", "--days", "--svg"], maxPositional: 0, out var usageError) is not { } parsedArgs)
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

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repo)
        {
            return 2;
        }

        if (await repo.LoadOnCallAsync(errors) is not { OnCall: { } onCall })
        {
            return 1;
        }

        var zone = onCall.TimeZone;
        var from = ZoneTime.ToInstant(ZoneTime.ToLocal((time ?? TimeProvider.System).GetUtcNow(), zone).Date, zone);
        if (parsedArgs["--from"] is { } fromText && !TimeArgument.TryParse(fromText, zone, out from))
        {
            await errors.WriteLineAsync($"error: --from '{fromText}' is not {TimeArgument.Syntax}");
            return 2;
        }

        // Whole local days, so a range across a daylight-saving change still ends at the same local time.
        var to = ZoneTime.ToInstant(ZoneTime.ToLocal(from, zone).AddDays(days), zone);
        var segments = OnCallResolver.Handoffs(onCall, from, to);
        await output.WriteLineAsync($"Hand-offs from {ScheduleTable.LocalTime(from, zone)} to {ScheduleTable.LocalTime(to, zone)} ({days} days).");
        await output.WriteAsync(ScheduleTable.Render(onCall, segments));

        if (parsedArgs["--svg"] is { } svgPath)
        {
            try
            {
                await File.WriteAllTextAsync(svgPath, ScheduleSvg.Render(onCall, from, to, segments));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await errors.WriteLineAsync($"error: cannot write the picture to '{svgPath}': {ex.Message}");
                return 2;
            }

            await output.WriteLineAsync($"\nWrote the timeline picture to {svgPath}.");
        }

        return 0;
    }
}
