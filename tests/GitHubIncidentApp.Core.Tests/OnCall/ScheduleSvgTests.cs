using System.Xml.Linq;
using GitHubIncidentApp.Core.OnCall;

namespace GitHubIncidentApp.Core.Tests.OnCall;

public sealed class ScheduleSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly OnCallConfig Config = Schedules.Parse("""
        timezone: Europe/Berlin
        oncall:
          rotations:
            primary: { members: [alice, bob], start: 2026-11-02T09:00, shift: 1w, restrict: [{days: mon-fri, from: "09:00", to: "18:00"}] }
            "r&d <night>": { members: [[gina, hank]], start: 2026-11-02T18:00, shift: 1d, level: 1 }
          overrides:
            - { rotation: primary, user: dave, from: 2026-12-24T00:00, to: 2026-12-27T00:00 }
        """);

    private static readonly DateTimeOffset From = Schedules.At("2026-12-20T00:00+01:00");
    private static readonly DateTimeOffset To = Schedules.At("2026-12-30T00:00+01:00");

    private static XElement Render(OnCallConfig? config = null) => XDocument.Parse(
        ScheduleSvg.Render(config ?? Config, From, To, OnCallResolver.Handoffs(config ?? Config, From, To))).Root!;

    private static IEnumerable<string> Texts(XElement svg) => svg.Descendants(Svg + "text").Select(text => text.Value);

    [Fact]
    public void Is_an_svg_with_the_zone_in_its_title_and_a_lane_per_rotation()
    {
        var svg = Render();

        Assert.Equal(Svg + "svg", svg.Name);
        Assert.Equal("On-call schedule 2026-12-20 00:00 to 2026-12-30 00:00, times in Europe/Berlin", svg.Element(Svg + "title")!.Value);
        Assert.Contains("primary", Texts(svg));
        Assert.Contains("r&d <night>", Texts(svg));
        Assert.Equal(["level 0", "level 1"], Texts(svg).Where(text => text.StartsWith("level ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Bars_name_their_people_and_tell_shifts_overrides_and_gaps_apart()
    {
        var svg = Render();
        var bars = svg.Elements(Svg + "g").Where(g => g.Element(Svg + "rect") is not null && g.Element(Svg + "title") is not null).ToList();

        Assert.Contains("bob", Texts(svg));
        Assert.Contains("dave", Texts(svg));
        Assert.Contains("gina, hank", Texts(svg));
        var dave = Assert.Single(bars, bar => bar.Element(Svg + "title")!.Value.StartsWith("primary: dave,", StringComparison.Ordinal));
        Assert.Equal("primary: dave, Thu 2026-12-24 00:00 +01:00 to Sun 2026-12-27 00:00 +01:00 (override (oncall.overrides[0]))", dave.Element(Svg + "title")!.Value);
        Assert.Equal("#f28e2b", dave.Element(Svg + "rect")!.Attribute("fill")!.Value);
        Assert.All(
            bars.Where(bar => bar.Element(Svg + "title")!.Value.Contains("(gap)", StringComparison.Ordinal)),
            gap => Assert.Equal("url(#gap)", gap.Element(Svg + "rect")!.Attribute("fill")!.Value));
        Assert.Equal(OnCallResolver.Handoffs(Config, From, To).Count, bars.Count);
    }

    [Fact]
    public void A_name_too_long_for_its_bar_is_cut_and_whole_in_the_tooltip()
    {
        // alice's office hours on Monday 28 are 9 of 240 hours of a 1020-pixel plot, about 38 pixels: room for four letters.
        var svg = Render();
        var alice = svg.Elements(Svg + "g").Single(g => g.Element(Svg + "title")?.Value.StartsWith("primary: alice, Mon 2026-12-28 09:00", StringComparison.Ordinal) == true);

        Assert.Equal("ali…", alice.Element(Svg + "text")!.Value);
        Assert.DoesNotContain("alice", Texts(svg));
    }

    [Fact]
    public void Has_a_tick_for_every_local_midnight()
    {
        var labels = Texts(Render()).Where(text => text.EndsWith(" Dec", StringComparison.Ordinal)).ToList();

        Assert.Equal(10, labels.Count);
        Assert.Equal("Sun 20 Dec", labels[0]);
        Assert.Equal("Tue 29 Dec", labels[^1]);
    }

    [Fact]
    public void Is_the_same_text_for_the_same_input()
    {
        var segments = OnCallResolver.Handoffs(Config, From, To);

        Assert.Equal(ScheduleSvg.Render(Config, From, To, segments), ScheduleSvg.Render(Config, From, To, segments));
    }
}
