using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Templates;

/// <summary>Repository templates are untrusted code: whatever they do, the caller gets a usable text and a warning.</summary>
public sealed class RepositoryTemplateSandboxTests
{
    private const string BodyPath = ".github/incident/body.scriban";

    private static readonly IncidentView View = Views.Fixture("firing-critical.json");

    private static RenderedText Body(string template, TemplateLimits? limits = null) =>
        new IncidentRenderer(new TemplateSources(Body: template) { BodyPath = BodyPath }, limits).RenderBody(View, IncidentRenderer.MaxGitHubBodyLength);

    private static void AssertBuiltInWithWarning(RenderedText body, string expectedError)
    {
        Assert.StartsWith("## 🔥 JupyterHub is down", body.Text, StringComparison.Ordinal);
        var warning = Assert.Single(body.Warnings);
        Assert.StartsWith($"body template ({BodyPath}) failed, so the built-in body template was used: ", warning, StringComparison.Ordinal);
        Assert.Contains(expectedError, warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_working_repository_template_is_used()
    {
        var body = Body("Down: {{ labels.alertname }} in {{ group_labels.namespace }} ({{ alerts.size }} alert, {{ event }})");

        Assert.Equal("Down: JupyterHubDown in opf-jupyterhub (1 alert, opened)", body.Text);
        Assert.Empty(body.Warnings);
    }

    [Fact]
    public void Syntax_errors_are_problems_with_line_and_column_and_the_built_in_template_is_used()
    {
        var renderer = new IncidentRenderer(new TemplateSources(Body: "ok\n{{ for a in }}\n{{ end }}") { BodyPath = BodyPath });

        var (kind, error) = Assert.Single(renderer.Problems);
        Assert.Equal((TemplateKind.Body, 2, 13), (kind, error.Line, error.Column));
        Assert.StartsWith("line 2, col 13: ", error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("## 🔥 JupyterHub is down", renderer.RenderBody(View, 10_000).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_loop_hits_the_loop_limit() =>
        AssertBuiltInWithWarning(Body("{{ while true }}x{{ end }}"), "line 1, col 4: Exceeding number of iteration limit `10000`");

    [Fact]
    public void Deep_recursion_hits_the_recursion_limit() =>
        AssertBuiltInWithWarning(Body("{{ func f(n)\n ret f(n + 1)\nend\nf(0) }}"), "Exceeding number of recursive depth limit `20`");

    [Fact]
    public void Huge_output_hits_the_output_limit() =>
        AssertBuiltInWithWarning(Body("{{ for i in 1..5000 }}{{ 'x' | string.pad_left 1000 }}{{ end }}"), "OutputLimit");

    [Fact]
    public void Include_is_refused_because_there_is_no_template_loader() =>
        AssertBuiltInWithWarning(Body("{{ include '/etc/passwd' }}"), "Unable to include </etc/passwd>. No TemplateLoader registered");

    [Fact]
    public void A_runtime_error_falls_back() =>
        AssertBuiltInWithWarning(Body("{{ alerts | array.first | string.nope }}"), "line 1, col ");

    [Fact]
    public void A_slow_template_is_stopped_by_the_time_limit()
    {
        // 2^19 calls within the recursion limit: seconds of work without the time limit.
        var body = Body("{{ func f(n)\n if n < 19\n f(n + 1)\n f(n + 1)\n end\nend\nf(0) }}", TemplateLimits.Default with { TimeLimit = TimeSpan.FromMilliseconds(50) });

        AssertBuiltInWithWarning(body, "it ran longer than the time limit of 50 ms");
    }

    [Fact]
    public void A_broken_title_template_falls_back_to_the_built_in_title()
    {
        var renderer = new IncidentRenderer(new TemplateSources(Title: "{{ while true; end }}") { TitlePath = ".github/incident/title.scriban" });

        var title = renderer.RenderTitle(View);

        Assert.Equal("[CRITICAL] JupyterHub is down (opf-jupyterhub)", title.Text);
        Assert.StartsWith("title template (.github/incident/title.scriban) failed: ", Assert.Single(title.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_title_falls_back_to_the_built_in_title()
    {
        var title = new IncidentRenderer(new TemplateSources(Title: "{{ labels.nothing }}  \n ")).RenderTitle(View);

        Assert.Equal("[CRITICAL] JupyterHub is down (opf-jupyterhub)", title.Text);
        Assert.Equal("title template rendered an empty title", Assert.Single(title.Warnings));
    }

    [Fact]
    public void Titles_are_single_lines_cut_to_GitHubs_limit()
    {
        var title = new IncidentRenderer(new TemplateSources(Title: "{{ labels.alertname }}\n{{ 'y' * 400 }}")).RenderTitle(View).Text;

        Assert.Equal(IncidentRenderer.MaxTitleLength, title.Length);
        Assert.StartsWith("JupyterHubDown yyy", title, StringComparison.Ordinal);
        Assert.EndsWith("y…", title, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_comment_template_sees_the_event()
    {
        var renderer = new IncidentRenderer(new TemplateSources(Comment: "{{ case event }}{{ when 'resolved' }}Fixed after {{ duration }}{{ else }}Other{{ end }}"));
        var view = View with { Event = IncidentEvents.Resolved, ResolvedAt = View.StartedAt.AddMinutes(90) };

        Assert.Equal("Fixed after 1h 30m", renderer.RenderComment(view).Text);
    }

    [Fact]
    public void ParseErrors_reports_each_parse_error_with_its_position()
    {
        var errors = TemplateSyntax.ParseErrors("fine\n  {{ if }}");

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.StartsWith("line 2, col 9: Error while parsing if statement", e.ToString(), StringComparison.Ordinal));
        Assert.Empty(TemplateSyntax.SampleFailures(TemplateKind.Title, "fine\n  {{ if }}")); // its parse errors say it all
    }

    [Fact]
    public void SampleFailures_tries_the_template_on_a_sample_incident_to_catch_runtime_failures()
    {
        Assert.Empty(TemplateSyntax.SampleFailures(TemplateKind.Body, "{{ for a in alerts }}{{ a.labels.instance }}{{ end }}"));

        var loop = Assert.Single(TemplateSyntax.SampleFailures(TemplateKind.Body, "{{ while true }}x{{ end }}"));
        Assert.Equal("on a sample 'opened' incident, line 1, col 4: Exceeding number of iteration limit `10000` for loop statement.", loop);

        var comment = TemplateSyntax.SampleFailures(TemplateKind.Comment, "{{ if event == 'resolved' }}{{ 'x' | string.nope }}{{ else }}ok{{ end }}");
        Assert.StartsWith("on a sample 'resolved' incident, line 1, col ", Assert.Single(comment), StringComparison.Ordinal);

        Assert.Equal(["on a sample 'opened' incident, the template renders nothing"], TemplateSyntax.SampleFailures(TemplateKind.Title, "{{ labels.missing }}"));
    }

    [Fact]
    public void ParseErrors_of_a_label_template()
    {
        Assert.Empty(TemplateSyntax.ParseErrors("team/{{ labels.team }}"));
        Assert.StartsWith("line 1, col ", Assert.Single(TemplateSyntax.ParseErrors("team/{{ labels.team + }}")).ToString(), StringComparison.Ordinal);
    }
}
