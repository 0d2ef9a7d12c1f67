using System.Globalization;
using System.Text;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>The <c>/oncall</c> reply: who is on call now, and each rotation's next hand-offs.</summary>
public static class OnCallSummary
{
    public const int HandoffsShown = 3;

    private static readonly TimeSpan Horizon = TimeSpan.FromDays(28);

    public static string Render(OnCallConfig? config, DateTimeOffset now)
    {
        if (config is null)
        {
            return "This repository has no on-call schedule: add `oncall:` to `.github/incidents.yml`.";
        }

        var zone = config.TimeZone;
        var answer = OnCallResolver.WhoIsOnCall(config, now);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**On call now** ({Local(now, zone)}): ")
            .Append(answer.Entries.Count == 0 ? "nobody" : string.Join(", ", answer.Entries.Select(Describe)))
            .Append("\n\n| rotation | next hand-offs |\n|---|---|\n");

        foreach (var (rotation, handoffs) in NextHandoffs(config, now))
        {
            var next = handoffs.Select(s => $"{Local(s.Start, zone)} → {(s.Occupant.IsEmpty ? "nobody" : string.Join(", ", s.Occupant.People.Select(p => "@" + p)))}");
            text.Append(CultureInfo.InvariantCulture, $"| {rotation} | {string.Join("<br>", next.DefaultIfEmpty(NoHandoffs))} |\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Said of a rotation without a hand-off within the horizon.</summary>
    public const string NoHandoffs = "none in the next four weeks";

    /// <summary>Each rotation, in file order, with its next <see cref="HandoffsShown"/> hand-offs within four weeks.</summary>
    public static IReadOnlyList<(string Rotation, IReadOnlyList<OnCallSegment> Handoffs)> NextHandoffs(OnCallConfig config, DateTimeOffset now)
    {
        var segments = OnCallResolver.Handoffs(config, now, now + Horizon);
        return [.. config.Rotations.Keys.Select(rotation =>
            (rotation, (IReadOnlyList<OnCallSegment>)[.. segments.Where(s => s.Occupant.Rotation == rotation && s.Start > now).Take(HandoffsShown)]))];
    }

    /// <summary>An instant as the schedule's people read it: local day, date and time, and the zone.</summary>
    public static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("ddd yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " " + zone.Id;

    private static string Describe(OnCallEntry entry) =>
        "@" + entry.Who + entry.Origin switch
        {
            OnCallOrigin.Override => $" (override in {entry.Rotation})",
            OnCallOrigin.WhenEmpty => " (nobody scheduled)",
            _ => $" ({entry.Rotation})",
        };
}
