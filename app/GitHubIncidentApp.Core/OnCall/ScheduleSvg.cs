using System.Globalization;
using System.Xml.Linq;

namespace GitHubIncidentApp.Core.OnCall;

/// <summary>
/// A timeline picture of the schedule: one lane per rotation in file order, each shift a bar labelled with its
/// people, overrides in orange, gaps hatched, a tick at every local midnight of the schedule's zone.
/// Built with System.Xml.Linq so names are escaped; the same input always gives the same text.
/// </summary>
public static class ScheduleSvg
{
    /// <summary>The plot grows with the range, so a day keeps room for a name, up to a width a browser still shows whole.</summary>
    private const double MinPlotWidth = 1020;
    private const double MaxPlotWidth = 4000;
    private const double DayWidth = 96;

    /// <summary>Room for a day label such as "Mon 14 Dec" in 11px text.</summary>
    private const double DayLabelWidth = 66;
    private const double LaneLeft = 160;
    private const double RightMargin = 20;
    private const double LanesTop = 70;
    private const double LaneHeight = 40;
    private const double LaneGap = 10;
    private const double LegendHeight = 50;

    /// <summary>Each person or group keeps one colour across the picture, in order of first appearance; all take white text.</summary>
    private static readonly string[] ShiftColors = ["#4e79a7", "#59a14f", "#b07aa1", "#499894", "#9c755f", "#7b6fb0"];
    private const string OverrideColor = "#f28e2b";
    private const string GapColor = "#d9d9d9";

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(OnCallConfig config, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<OnCallSegment> segments)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(to, from);
        var zone = config.TimeZone;
        var lanes = config.Rotations.Values.ToList();
        var height = LanesTop + (lanes.Count * (LaneHeight + LaneGap)) + LegendHeight;
        var plotWidth = Math.Clamp((to - from).TotalDays * DayWidth, MinPlotWidth, MaxPlotWidth);
        var width = LaneLeft + plotWidth + RightMargin;
        double X(DateTimeOffset at) => LaneLeft + (plotWidth * (at - from).Ticks / (to - from).Ticks);

        var lanesBottom = LanesTop + (lanes.Count * (LaneHeight + LaneGap)) - LaneGap;
        var title = $"On-call schedule {Date(from, zone)} to {Date(to, zone)}, times in {zone.Id}";
        var root = new XElement(Svg + "svg",
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("font-family", "DejaVu Sans, Arial, sans-serif"),
            new XAttribute("font-size", "12"),
            new XElement(Svg + "title", title),
            new XElement(Svg + "defs",
                new XElement(Svg + "pattern",
                    new XAttribute("id", "gap"),
                    new XAttribute("width", "8"),
                    new XAttribute("height", "8"),
                    new XAttribute("patternUnits", "userSpaceOnUse"),
                    new XAttribute("patternTransform", "rotate(45)"),
                    Rect(0, 0, 8, 8, GapColor),
                    new XElement(Svg + "line", new XAttribute("x1", "0"), new XAttribute("y1", "0"), new XAttribute("x2", "0"), new XAttribute("y2", "8"),
                        new XAttribute("stroke", "#a6a6a6"), new XAttribute("stroke-width", "3")))),
            Rect(0, 0, width, height, "#ffffff"),
            Text(LaneLeft, 26, title, ("font-size", "16"), ("font-weight", "bold")));

        root.Add(DayTicks(from, to, zone, X, lanesBottom, plotWidth));
        var colors = segments.Where(s => s.Occupant is { IsEmpty: false, OverrideIndex: null })
            .Select(s => ScheduleTable.People(s.Occupant)).Distinct().ToList();
        for (var lane = 0; lane < lanes.Count; lane++)
        {
            var top = LanesTop + (lane * (LaneHeight + LaneGap));
            var rotation = lanes[lane];
            root.Add(Text(10, top + 17, rotation.Name, ("font-weight", "bold")));
            root.Add(Text(10, top + 32, $"level {rotation.Level}", ("fill", "#666666"), ("font-size", "11")));
            foreach (var segment in segments.Where(s => s.Occupant.Rotation == rotation.Name))
            {
                var color = segment.Occupant switch
                {
                    { OverrideIndex: not null } => OverrideColor,
                    { IsEmpty: true } => "url(#gap)",
                    _ => ShiftColors[colors.IndexOf(ScheduleTable.People(segment.Occupant)) % ShiftColors.Length],
                };
                root.Add(Bar(config, segment, X(segment.Start), X(segment.End), top, color));
            }
        }

        root.Add(Legend(lanesBottom + 25));
        return root.ToString();
    }

    /// <summary>One shift, override or gap: a bar with a tooltip, labelled with its people where they fit.</summary>
    private static XElement Bar(OnCallConfig config, OnCallSegment segment, double left, double right, double top, string color)
    {
        var width = right - left;
        var people = ScheduleTable.People(segment.Occupant);
        var note = ScheduleTable.Note(segment.Occupant);
        var tooltip = $"{segment.Occupant.Rotation}: {people}, {ScheduleTable.LocalTime(segment.Start, config.TimeZone)} to {ScheduleTable.LocalTime(segment.End, config.TimeZone)}"
            + (note.Length > 0 ? $" ({note})" : "");
        var group = new XElement(Svg + "g",
            new XElement(Svg + "title", tooltip),
            Rect(left, top, width, LaneHeight, color, ("stroke", "#ffffff"), ("stroke-width", "1")));

        if (Label(segment.Occupant.People, width) is { } label)
        {
            group.Add(Text(left + (width / 2), top + 25, label, ("text-anchor", "middle"), ("fill", "#ffffff"), ("font-weight", "bold")));
        }

        return group;
    }

    /// <summary>
    /// The people if they fit in the bar, else the first of them and how many more, else the start of the first
    /// name cut with an ellipsis, else nothing: the tooltip has them all. About 7.5 pixels per character of 12px bold text.
    /// </summary>
    private static string? Label(IReadOnlyList<string> people, double width)
    {
        if (people.Count == 0)
        {
            return null;
        }

        var fits = (int)((width - 6) / 7.5);
        var more = people.Count > 1 ? $" +{people.Count - 1}" : "";
        string[] candidates = [string.Join(", ", people), people[0] + more];
        return candidates.FirstOrDefault(label => label.Length <= fits)
            ?? (fits >= 3 + more.Length ? people[0][..(fits - 1 - more.Length)] + "…" + more : null);
    }

    /// <summary>A line and a weekday label at each local midnight, weekends shaded; labels thin out on long ranges.</summary>
    private static IEnumerable<XElement> DayTicks(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, Func<DateTimeOffset, double> x, double bottom, double plotWidth)
    {
        var days = new List<DateTimeOffset>();
        for (var day = ZoneTime.ToLocal(from, zone).Date; ZoneTime.ToInstant(day, zone) < to; day = day.AddDays(1))
        {
            days.Add(ZoneTime.ToInstant(day, zone));
        }

        var labelEvery = Math.Max(1, (int)Math.Ceiling(DayLabelWidth / (plotWidth / (to - from).TotalDays)));
        for (var index = 0; index < days.Count; index++)
        {
            var start = days[index] < from ? from : days[index];
            var end = index + 1 < days.Count ? days[index + 1] : to;
            var local = TimeZoneInfo.ConvertTime(days[index], zone);
            if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                yield return Rect(x(start), LanesTop - 5, x(end) - x(start), bottom - LanesTop + 10, "#f3f3f3");
            }

            if (days[index] >= from)
            {
                yield return new XElement(Svg + "line",
                    new XAttribute("x1", Number(x(start))), new XAttribute("y1", Number(LanesTop - 20)),
                    new XAttribute("x2", Number(x(start))), new XAttribute("y2", Number(bottom + 5)),
                    new XAttribute("stroke", "#bbbbbb"), new XAttribute("stroke-width", "1"));
                if (index % labelEvery == 0)
                {
                    yield return Text(x(start) + 3, LanesTop - 8, local.ToString("ddd d MMM", CultureInfo.InvariantCulture), ("fill", "#444444"), ("font-size", "11"));
                }
            }
        }
    }

    private static XElement Legend(double y)
    {
        var legend = new XElement(Svg + "g");
        var x = LaneLeft;
        foreach (var (color, label) in new[] { (ShiftColors[0], "shift (a colour per person or group)"), (OverrideColor, "override"), ("url(#gap)", "gap (when every lane has one, when_empty gets the incident)") })
        {
            legend.Add(Rect(x, y - 11, 14, 14, color), Text(x + 20, y, label));
            x += 40 + (label.Length * 7);
        }

        return legend;
    }

    private static XElement Rect(double x, double y, double width, double height, string fill, params (string Name, string Value)[] extra) =>
        new(Svg + "rect",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            new XAttribute("width", Number(Math.Max(width, 0))), new XAttribute("height", Number(height)),
            new XAttribute("fill", fill),
            extra.Select(attribute => new XAttribute(attribute.Name, attribute.Value)));

    private static XElement Text(double x, double y, string text, params (string Name, string Value)[] extra) =>
        new(Svg + "text",
            new XAttribute("x", Number(x)), new XAttribute("y", Number(y)),
            extra.Select(attribute => new XAttribute(attribute.Name, attribute.Value)),
            text);

    private static string Date(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
