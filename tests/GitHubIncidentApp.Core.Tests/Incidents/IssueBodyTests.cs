using GitHubIncidentApp.Core.Incidents.Decisions;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class IssueBodyTests
{
    private static readonly IncidentState State = new()
    {
        Key = "abc123",
        Status = "firing",
        Firing = ["fp1", "fp2"],
        Severity = "critical",
        StartedAt = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero),
        GroupLabels = new Dictionary<string, string> { ["alertname"] = "X", ["evil"] = "--> <script>" },
        PreviousIssue = 7,
    };

    [Fact]
    public void The_marker_round_trips_even_with_comment_breaking_text()
    {
        var section = IssueBody.Section("Hello", State);

        var read = IssueBody.ReadState("Someone's note\n\n" + section + "\n\nmore notes");

        Assert.NotNull(read);
        Assert.Equal(State.Key, read.Key);
        Assert.Equal(State.Firing, read.Firing);
        Assert.Equal(State.StartedAt, read.StartedAt);
        Assert.Equal("--> <script>", read.GroupLabels["evil"]);
        Assert.Equal(7, read.PreviousIssue);
        Assert.DoesNotContain("--> <script>", section, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no marker here")]
    [InlineData("<!-- incident-app: {not json} -->")]
    [InlineData("<!-- incident-app: {\"v\":1} -->")]
    public void A_missing_or_broken_marker_reads_as_none(string body) => Assert.Null(IssueBody.ReadState(body));

    [Fact]
    public void Replacing_the_section_keeps_what_people_wrote_around_it()
    {
        var body = "Notes above\n\n" + IssueBody.Section("old content", State) + "\n\nPostmortem: link";

        var replaced = IssueBody.ReplaceSection(body, "new content", State with { Firing = ["fp3"] });

        Assert.StartsWith("Notes above\n\n", replaced, StringComparison.Ordinal);
        Assert.EndsWith("\n\nPostmortem: link", replaced, StringComparison.Ordinal);
        Assert.Contains("new content", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain("old content", replaced, StringComparison.Ordinal);
        Assert.Equal(["fp3"], IssueBody.ReadState(replaced)!.Firing);
    }

    [Fact]
    public void A_body_without_a_section_gets_one_on_top()
    {
        var replaced = IssueBody.ReplaceSection("a person rewrote everything", null, State);

        Assert.EndsWith("\n\na person rewrote everything", replaced, StringComparison.Ordinal);
        Assert.Contains("alert details were removed", replaced, StringComparison.Ordinal);
        Assert.NotNull(IssueBody.ReadState(replaced));
    }

    [Fact]
    public void People_text_wins_when_both_do_not_fit_and_the_marker_survives()
    {
        var notes = new string('n', 20_000);
        var replaced = IssueBody.ReplaceSection("old\n" + notes, new string('x', IssueBody.SectionMaxLength), State);

        Assert.True(replaced.Length <= IssueBody.GitHubMaxLength, $"length {replaced.Length}");
        Assert.EndsWith(notes, replaced, StringComparison.Ordinal);
        Assert.Contains("cut short", replaced, StringComparison.Ordinal);
        Assert.Equal(State.Key, IssueBody.ReadState(replaced)!.Key);
    }

    [Fact]
    public void A_new_marker_alone_keeps_the_content_and_shows_the_timeline()
    {
        var body = "notes\n\n" + IssueBody.Section("## Alerts\n\n| a | b |", State);
        var withTimeline = State with
        {
            Timeline = [new TimelineEntry(State.StartedAt.AddMinutes(5), "alice", "investigating", "looking at @db and #12 | now")],
        };

        var replaced = IssueBody.ReplaceSection(body, null, withTimeline);

        Assert.StartsWith("notes\n\n<!-- incident-app:begin -->\n## Alerts\n\n| a | b |\n\n", replaced, StringComparison.Ordinal);
        Assert.Contains("- 2026-11-24 12:05 UTC · @alice · **investigating** — looking at @&#8203;db and #&#8203;12 \\| now\n", replaced, StringComparison.Ordinal);
        Assert.Single(IssueBody.ReadState(replaced)!.Timeline);

        var again = IssueBody.ReplaceSection(replaced, null, withTimeline);
        Assert.Equal(replaced, again);
    }
}
