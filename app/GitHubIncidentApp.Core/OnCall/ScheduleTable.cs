using System.Globalization;
using System.Text;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// The hand-offs of every rotation over a stretch of time as a Markdown table, readable as plain text too:
/// one row per shift, override or gap, times local to the schedule's zone with their UTC offset.
/// </summary>
public static class ScheduleTable
{
    /// <summary>A local time with weekday and offset, such as <c>Thu 2026-12-24 10:00 +01:00</c>.</summary>
    public static string LocalTime(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    /// <summary>Who an occupant is: the people, or a dash for a gap.</summary>
    public static string People(RotationOccupant occupant) => occupant.IsEmpty ? "—" : string.Join(", ", occupant.People);

    /// <summary>
    /// What kind of stretch a segment is: blank for a plain shift. A gap of one rotation goes to <c>when_empty</c>
    /// only if every other rotation is empty too, which <see cref="OnCallResolver.WhoIsOnCall"/> answers.
    /// </summary>
    public static string Note(RotationOccupant occupant) => occupant switch
    {
        { OverrideIndex: { } index } => $"override (oncall.overrides[{index}])",
        { IsEmpty: true } => "gap",
        _ => "",
    };

    public static string Render(OnCallConfig config, IReadOnlyList<OnCallSegment> segments)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Times in {config.TimeZone.Id}.\n\n");
        text.Append("| Rotation | Level | Start | End | On call | Note |\n");
        text.Append("|---|---:|---|---|---|---|\n");
        foreach (var segment in segments)
        {
            var rotation = config.Rotations[segment.Occupant.Rotation];
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(rotation.Name)} | {rotation.Level} | {LocalTime(segment.Start, config.TimeZone)} | {LocalTime(segment.End, config.TimeZone)} ");
            text.Append(CultureInfo.InvariantCulture, $"| {Cell(People(segment.Occupant))} | {Cell(Note(segment.Occupant))} |\n");
        }

        return text.ToString();
    }

    /// <summary>A pipe would end the cell early.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
