using System.Globalization;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// The schedule as an iCalendar (RFC 5545) file that Google Calendar, Outlook and Apple Calendar import or subscribe to:
/// one event per stretch someone holds a rotation (the hand-offs of <see cref="OnCallResolver.Handoffs"/>, overrides
/// included, gaps left out), in UTC, with a UID that stays the same while the stretch starts at the same instant, so a
/// calendar updates an event rather than adding a copy when the schedule or the range moves.
/// </summary>
public static class ScheduleCalendar
{
    /// <summary>
    /// A stretch that began before the range is shown from its real start, found this far back: its UID (which
    /// holds the start) then stays the same from one day's feed to the next.
    /// </summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(35);

    /// <summary>
    /// The stretches of the schedule that overlap <paramref name="from"/> to <paramref name="to"/>, each from its start
    /// (up to <see cref="Lookback"/> earlier), with <paramref name="person"/> only theirs.
    /// </summary>
    public static IReadOnlyList<OnCallSegment> Shifts(OnCallConfig config, DateTimeOffset from, DateTimeOffset to, string? person = null) =>
        [.. OnCallResolver.Handoffs(config, from - Lookback, to)
            .Where(segment => segment.End > from && !segment.Occupant.IsEmpty)
            .Where(segment => person is null || segment.Occupant.People.Contains(person, StringComparer.OrdinalIgnoreCase))];

    /// <summary>
    /// The calendar text of <paramref name="shifts"/> (from <see cref="Shifts"/>).
    /// </summary>
    /// <param name="scope">Whose schedule it is, such as <c>owner/repo</c>: in the calendar's name and in every UID, so two repositories' events never merge.</param>
    /// <param name="stamp">When the calendar was made (each event's DTSTAMP).</param>
    public static string Render(OnCallConfig config, string scope, string? person, IReadOnlyList<OnCallSegment> shifts, DateTimeOffset stamp)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//github-incident-app//on-call schedule//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", person is null ? $"On call: {scope}" : $"On call: {person} in {scope}");
        // Subscribed calendars read the feed again about this often (Outlook and Apple honour these).
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.AddParameter("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var shift in shifts)
        {
            var rotation = config.Rotations[shift.Occupant.Rotation];
            var people = string.Join(", ", shift.Occupant.People);
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(scope, shift),
                DtStamp = Utc(stamp),
                DtStart = Utc(shift.Start),
                DtEnd = Utc(shift.End),
                Summary = shift.Occupant.OverrideIndex is null ? $"On call: {people} ({rotation.Name})" : $"On call: {people} ({rotation.Name}, override)",
                Description = $"{people} on call for rotation {rotation.Name} (level {rotation.Level.ToString(CultureInfo.InvariantCulture)}) of {scope}."
                    + (ScheduleTable.Note(shift.Occupant) is { Length: > 0 } note ? $" This is an {note}." : ""),
                // On call is not busy: the shift leaves the person's free/busy time as it is.
                Transparency = TransparencyType.Transparent,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>A rotation has one stretch starting at an instant, so scope, rotation and start name it.</summary>
    public static string Uid(string scope, OnCallSegment shift) =>
        $"{shift.Start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}-{shift.Occupant.Rotation}-{scope}@github-incident-app";

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime);
}
