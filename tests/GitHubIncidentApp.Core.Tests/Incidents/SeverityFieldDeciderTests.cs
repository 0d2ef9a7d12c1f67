using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class SeverityFieldDeciderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly SeverityFieldConfig Field = new("Severity", new Dictionary<string, string>());

    private static readonly IReadOnlyList<OrgIssueField> OrgFields =
    [
        new(1, "Priority", OrgIssueField.SingleSelect, ["High", "Low"]),
        new(7, "severity", OrgIssueField.SingleSelect, ["Critical", "Warning", "Info", "P0"]),
        new(8, "Effort", "number", []),
        new(9, "Impact", OrgIssueField.Text, []),
    ];

    private static IncidentContext Context(SeverityFieldConfig? field) => new()
    {
        Repo = new RepoRef("acme", "api"),
        Key = "k",
        Config = IncidentConfig.Default with { SeverityField = field },
        Renderer = new IncidentRenderer(TemplateSources.BuiltIn),
        Now = Now,
    };

    private static IncidentState State(string severity) => new()
    {
        Key = "k",
        Status = AlertStatus.Firing,
        Firing = ["f1"],
        Severity = severity,
        StartedAt = Now.AddHours(-1),
    };

    private static SeverityFieldChoice Choose(string level, SeverityFieldConfig? field = null, IReadOnlyList<OrgIssueField>? fields = null) =>
        SeverityFieldDecider.Choose(new SeverityFieldWanted(field ?? Field, level), "acme", fields ?? OrgFields);

    [Fact]
    public void By_default_the_option_named_like_the_level_is_chosen_ignoring_case()
    {
        var choice = Choose("critical");

        Assert.Equal(new IssueFieldValue(7, "Critical"), choice.Value);
        Assert.Null(choice.Problem);
    }

    [Fact]
    public void The_map_form_sets_the_option_a_level_is_mapped_to_and_the_others_by_their_names()
    {
        var field = new SeverityFieldConfig("SEVERITY", new Dictionary<string, string> { ["critical"] = "p0" });

        Assert.Equal(new IssueFieldValue(7, "P0"), Choose("critical", field).Value);
        Assert.Equal(new IssueFieldValue(7, "Warning"), Choose("warning", field).Value);
    }

    [Fact]
    public void A_text_field_takes_the_value_as_it_is()
    {
        var field = new SeverityFieldConfig("Impact", new Dictionary<string, string> { ["critical"] = "customers down" });

        Assert.Equal(new IssueFieldValue(9, "customers down"), Choose("critical", field).Value);
        Assert.Equal(new IssueFieldValue(9, "info"), Choose("info", field).Value);
    }

    [Fact]
    public void A_missing_option_names_the_options_there_are_and_how_to_map_one()
    {
        var choice = Choose("page");

        Assert.Null(choice.Value);
        Assert.Contains("has no option \"page\" for severity page", choice.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Critical\", \"Warning\", \"Info\", \"P0\"", choice.Problem, StringComparison.Ordinal);
        Assert.Contains("'severity_field.values'", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_field_names_the_fields_there_are()
    {
        var choice = Choose("critical", new SeverityFieldConfig("Sev", new Dictionary<string, string>()));

        Assert.Null(choice.Value);
        Assert.Contains("acme does not have (its fields: \"Priority\", \"severity\", \"Effort\", \"Impact\")", choice.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_owner_without_issue_fields_and_a_field_of_another_type_are_said_so()
    {
        var none = SeverityFieldDecider.Choose(new SeverityFieldWanted(Field, "critical"), "alice", null);
        Assert.Null(none.Value);
        Assert.Contains("alice has no issue fields: it is a personal account", none.Problem, StringComparison.Ordinal);
        Assert.Contains("\"Issue fields: read\"", none.Problem, StringComparison.Ordinal);

        var number = Choose("critical", new SeverityFieldConfig("effort", new Dictionary<string, string>()));
        Assert.Contains("is a number field; 'severity_field' needs a single-select or text field", number.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_issue_carries_the_field_of_its_severity()
    {
        var state = State("critical");
        var open = new IncidentDecision([new EnsureLabels([]), new CreateIssue(new NewIssue { Title = "t", Body = "b" })], state);

        var decision = SeverityFieldDecider.Decide(open, null, Context(Field));

        Assert.Equal(2, decision.Operations.Count);
        Assert.Equal(new SeverityFieldWanted(Field, "critical"), Assert.IsType<CreateIssue>(decision.Operations[1]).SeverityField);
    }

    [Fact]
    public void A_changed_severity_sets_the_field_and_an_unchanged_one_costs_nothing()
    {
        var changed = new IncidentDecision([new UpdateIssue { AddLabels = ["severity/warning"] }], State("warning"));
        var set = SeverityFieldDecider.Decide(changed, State("critical"), Context(Field));
        Assert.Equal(new SeverityFieldWanted(Field, "warning"), Assert.IsType<SetSeverityField>(set.Operations[^1]).Wanted);

        var same = new IncidentDecision([new CommentOnIssue("x")], State("critical"));
        Assert.Same(same, SeverityFieldDecider.Decide(same, State("critical"), Context(Field)));
    }

    [Fact]
    public void Without_severity_field_or_for_a_storm_member_nothing_is_added()
    {
        var changed = new IncidentDecision([], State("warning"));
        Assert.Same(changed, SeverityFieldDecider.Decide(changed, State("critical"), Context(null)));

        var member = new IncidentDecision([], State("warning") with { StormIssue = 4 });
        Assert.Same(member, SeverityFieldDecider.Decide(member, State("critical"), Context(Field)));
    }
}
