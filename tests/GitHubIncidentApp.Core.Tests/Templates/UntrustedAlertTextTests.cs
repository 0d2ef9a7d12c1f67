using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

public sealed class UntrustedAlertTextTests
{
    private readonly IncidentRenderer _renderer = new(TemplateSources.BuiltIn);

    private static IncidentView Hostile(string key, string value, Dictionary<string, string>? annotations = null, string generatorUrl = "http://prom/graph") =>
        Views.Of(Views.Alert("Evil", "f00dfeed", new Dictionary<string, string> { ["alertname"] = "Evil", [key] = value }, annotations) with { GeneratorUrl = generatorUrl });

    [Fact]
    public void Mentions_and_references_in_labels_do_not_notify_or_link()
    {
        var body = _renderer.RenderBody(Hostile("owner", "@alice fixes #12, acme/ops#3 and GH-9"), 10_000).Text;

        Assert.Contains("owner=@&#8203;alice fixes #&#8203;12, acme/ops#&#8203;3 and GH-&#8203;9", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@alice", body, StringComparison.Ordinal);
        Assert.DoesNotContain("#12", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_breaking_label_values_and_keys_stay_inside_their_table_cell()
    {
        var body = _renderer.RenderBody(Hostile("evil|key", "a|b <img src=x> `c` [d](e) *f*\nnext"), 10_000).Text;

        var row = Assert.Single(body.Split('\n'), line => line.StartsWith("| 🔥 |", StringComparison.Ordinal));
        Assert.Contains("evil\\|key=a\\|b &lt;img src=x&gt; \\`c\\` \\[d\\](e) \\*f\\*<br>next", row, StringComparison.Ordinal);
        Assert.Equal(7, row.Replace("\\|", "", StringComparison.Ordinal).Count(c => c == '|'));
    }

    [Fact]
    public void Template_syntax_in_alert_text_is_shown_literally()
    {
        var annotations = new Dictionary<string, string> { ["summary"] = "{{ 6 * 7 }} {% raw %}", ["description"] = "{{ include 'x' }}" };
        var view = Hostile("note", "{{ 1+1 }}", annotations) with { CommonAnnotations = annotations };

        var body = _renderer.RenderBody(view, 10_000);
        var title = _renderer.RenderTitle(view);

        Assert.Empty(body.Warnings);
        Assert.Contains("note={{ 1+1 }}", body.Text, StringComparison.Ordinal);
        Assert.Contains("{{ include 'x' }}", body.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("42", body.Text, StringComparison.Ordinal);
        Assert.Equal("[CRITICAL] {{ 6 * 7 }} {% raw %}", title.Text);
    }

    [Fact]
    public void A_repository_template_cannot_evaluate_alert_text_as_code()
    {
        var renderer = new IncidentRenderer(new TemplateSources(Body: "{{ object.eval_template labels.note }}"));

        var body = renderer.RenderBody(Hostile("note", "{{ 1+1 }}"), 10_000);

        Assert.DoesNotContain("note=2", body.Text, StringComparison.Ordinal);
        Assert.StartsWith("## 🔥", body.Text, StringComparison.Ordinal);
        Assert.Contains(body.Warnings, w => w.StartsWith("body template failed", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_http_urls_become_links()
    {
        var annotations = new Dictionary<string, string> { ["runbook_url"] = "javascript:alert(document.cookie)" };
        var view = Hostile("x", "y", annotations, generatorUrl: "data:text/html,<b>hi</b>") with { CommonAnnotations = annotations };

        var body = _renderer.RenderBody(view, 10_000).Text;

        Assert.Contains("📖 Runbook: javascript:alert(document.cookie)", body, StringComparison.Ordinal);
        Assert.Contains("📈 Graph: data:text/html,&lt;b&gt;hi&lt;/b&gt;", body, StringComparison.Ordinal);
        Assert.DoesNotContain("](javascript", body, StringComparison.Ordinal);
        Assert.DoesNotContain("](data", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_are_one_line_without_mentions_or_references()
    {
        var annotations = new Dictionary<string, string> { ["summary"] = "@oncall   look at\n#99" };
        var view = Hostile("x", "y", annotations) with { CommonAnnotations = annotations };

        Assert.Equal("[CRITICAL] @\u200Boncall look at #\u200B99", _renderer.RenderTitle(view).Text);
    }
}
