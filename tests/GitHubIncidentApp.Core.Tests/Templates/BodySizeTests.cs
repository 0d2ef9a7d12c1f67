using System.Globalization;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

/// <summary>GitHub rejects bodies over 65,536 chars; a render must always fit the size it is given.</summary>
public sealed class BodySizeTests
{
    private readonly IncidentRenderer _renderer = new(TemplateSources.BuiltIn);

    private static Alert[] ManyAlerts(int count, int descriptionLength) => [.. Enumerable.Range(0, count).Select(i => Views.Alert(
        "NodeDown",
        $"{i:x4}beefcafe1234",
        new Dictionary<string, string> { ["alertname"] = "NodeDown", ["instance"] = $"node-{i.ToString("D3", CultureInfo.InvariantCulture)}", ["severity"] = "critical" },
        new Dictionary<string, string> { ["summary"] = $"node-{i} is down", ["description"] = new string('d', descriptionLength) }))];

    [Fact]
    public void Five_hundred_alerts_show_the_first_ones_that_fit_and_list_the_rest()
    {
        var view = Views.Of(ManyAlerts(500, 2_000));

        var body = _renderer.RenderBody(view, IncidentRenderer.MaxGitHubBodyLength);

        Assert.True(body.Text.Length <= IncidentRenderer.MaxGitHubBodyLength, $"{body.Text.Length} chars");
        Assert.Contains("| node-0 is down | instance=node-000<br>severity=critical |", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("| node-499 is down |", body.Text, StringComparison.Ordinal);
        var shown = body.Text.Split('\n').Count(line => line.StartsWith("| 🔥 |", StringComparison.Ordinal));
        Assert.InRange(shown, 100, 499);

        var note = body.Text[body.Text.IndexOf("> [!NOTE]", StringComparison.Ordinal)..];
        Assert.StartsWith($"> [!NOTE]\n> {500 - shown} more alerts did not fit in this issue (GitHub's size limit): NodeDown ({shown:x4}beef), ", note, StringComparison.Ordinal);
        Assert.EndsWith($" and {500 - shown - 50} more.", note, StringComparison.Ordinal);
        Assert.Equal($"{500 - shown} of 500 alerts were left out of the body to stay within 65536 characters", Assert.Single(body.Warnings));
    }

    [Fact]
    public void A_small_limit_is_respected_too()
    {
        var body = _renderer.RenderBody(Views.Of(ManyAlerts(20, 10)), 3_000);

        Assert.True(body.Text.Length <= 3_000, $"{body.Text.Length} chars");
        Assert.Contains("| node-0 is down |", body.Text, StringComparison.Ordinal);
        Assert.Contains("more alerts did not fit", body.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_common_annotation_is_cut_with_a_note_as_a_last_resort()
    {
        var annotations = new Dictionary<string, string> { ["summary"] = "Disk full", ["description"] = new string('x', 300_000) };
        var view = Views.Of(ManyAlerts(3, 10)) with { CommonAnnotations = annotations };

        var body = _renderer.RenderBody(view, IncidentRenderer.MaxGitHubBodyLength);

        Assert.Equal(IncidentRenderer.MaxGitHubBodyLength, body.Text.Length);
        Assert.StartsWith("## 🔥 Disk full", body.Text, StringComparison.Ordinal);
        Assert.EndsWith("> This body was cut at 65536 characters to stay within GitHub's limit.", body.Text, StringComparison.Ordinal);
        Assert.Contains("the body was cut to 65536 characters; even without alerts it did not fit", body.Warnings);
    }

    [Fact]
    public void A_comment_with_hundreds_of_new_alerts_fits_GitHubs_limit()
    {
        var alerts = ManyAlerts(500, 2_000);
        var view = Views.Of(alerts) with { Event = IncidentEvents.Changed, NewAlerts = alerts };

        var comment = _renderer.RenderComment(view);

        Assert.InRange(comment.Text.Length, 10_000, IncidentRenderer.MaxGitHubBodyLength);
        Assert.Contains("- 🔥 node-0 is down (instance=node-000, severity=critical), since", comment.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_that_fits_is_left_alone()
    {
        var body = _renderer.RenderBody(Views.Of(ManyAlerts(5, 10)), IncidentRenderer.MaxGitHubBodyLength);

        Assert.Empty(body.Warnings);
        Assert.DoesNotContain("did not fit", body.Text, StringComparison.Ordinal);
        Assert.Equal(5, body.Text.Split('\n').Count(line => line.StartsWith("| 🔥 |", StringComparison.Ordinal)));
    }
}
