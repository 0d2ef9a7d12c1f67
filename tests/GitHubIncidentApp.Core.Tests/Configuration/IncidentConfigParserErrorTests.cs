using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public class IncidentConfigParserErrorTests
{
    public static TheoryData<string, int, int, string> SingleErrors => new()
    {
        // Types.
        { "labels: alerts", 1, 9, "'labels' must be a list of strings, not \"alerts\"" },
        { "labels: [a, [b]]", 1, 13, "'labels[1]' must be a string, not a list" },
        { "incident_label: { name: x }", 1, 17, "'incident_label' must be a string, not a mapping" },
        { "severity: high", 1, 11, "'severity' must be a mapping with the keys label, default, levels, not \"high\"" },
        { "resolve:\n  close: yes", 2, 10, "'resolve.close' must be true or false (unquoted), not \"yes\"" },
        { "resolve:\n  close: \"true\"", 2, 10, "'resolve.close' must be true or false (unquoted), not \"true\"" },
        { "severity:\n  levels: critical", 2, 11, "'severity.levels' must be a list of levels, each a mapping with name, label, color and aliases, not \"critical\"" },
        { "severity:\n  levels: [critical]", 2, 12, "'severity.levels[0]' must be a mapping with the keys name, label, color, aliases, not \"critical\"" },
        { "- incident_label: x", 1, 1, "the file must be a mapping with the keys incident_label, labels, severity, resolve, templates, incident_key, commands, run_edited_comments, routes, flapping, timezone, oncall, escalation, severity_policy, ack_timeout, silence, maintenance, storm, issue_type, pin, postmortem, report, severity_field, status_page, not a list" },
        { "{ [a]: b }", 1, 3, "keys in the file must be plain names, not a list" },

        // Labels.
        { "incident_label: \"\"", 1, 17, "'incident_label' is empty; a GitHub label needs a name" },
        { $"resolve:\n  label: {new string('r', 51)}", 2, 10, "'resolve.label' is 51 characters long; GitHub allows at most 50 in a label name" },
        { $"labels:\n  - ok\n  - {new string('x', 60)}", 3, 5, "'labels[1]' is 60 characters long" },
        { "severity:\n  label: ''", 2, 10, "'severity.label' is empty; name an alert label such as severity or alertname" },
        { "incident_key:\n  labels: [alertname, '']", 2, 23, "'incident_key.labels[1]' is empty" },

        // Colors.
        { "severity:\n  levels:\n    - name: x\n      color: red", 4, 14, "'severity.levels[0].color' is \"red\", which is not a color; write six hex digits such as b60205" },
        { "severity:\n  levels:\n    - name: x\n      color: '#b6020'", 4, 14, "is \"#b6020\", which is not a color" },
        { "severity:\n  levels:\n    - name: x\n      color: b602051", 4, 14, "is \"b602051\", which is not a color" },
        { "severity:\n  levels:\n    - name: x\n      color: #b60205", 4, 13, "'severity.levels[0].color' is empty; write six hex digits such as b60205 (with a leading #, quote it: \"#b60205\")" },

        // Severity levels.
        { "severity:\n  levels:\n    - name: x\n    - { name: X, label: big-x }", 4, 15, "'severity.levels[1].name' is \"X\", which 'severity.levels[0].name' already uses; severity names and aliases must be unique" },
        { "severity:\n  levels:\n    - name: x\n      aliases: [p1]\n    - name: y\n      aliases: [p1]", 6, 17, "'severity.levels[1].aliases[0]' is \"p1\", which 'severity.levels[0].aliases[0]' already uses" },
        { "severity:\n  levels:\n    - name: x\n      label: sev\n    - name: y\n      label: sev", 6, 14, "the label of 'severity.levels[1]' is \"sev\", which the label of 'severity.levels[0]' already uses; each level needs its own GitHub label" },
        { "severity:\n  default: x\n  levels:\n    - name: \"\"", 4, 13, "'severity.levels[0].name' is empty; give it a value or remove the key" },
        { "severity:\n  levels:\n    - label: severity/x", 3, 7, "'severity.levels[0]' has no name; give every level one, such as name: critical" },
        { "severity:\n  levels: []", 2, 11, "'severity.levels' is empty; list at least one level, most severe first" },
        { "severity:\n  default: fatal", 2, 12, "'severity.default' is \"fatal\", which names no level; use one of critical, warning, info" },
        { "severity:\n  levels:\n    - name: p1\n    - name: p2", 3, 5, "'severity.levels' has no level named \"warning\", the default severity; set 'severity.default' to one of p1, p2" },

        // Durations.
        { "resolve:\n  reopen_window: 1 day", 2, 18, "'resolve.reopen_window' is \"1 day\", which is not a duration; write a number followed by w, d, h, m or s" },
        { "resolve:\n  reopen_window: 30m2h", 2, 18, "is \"30m2h\", which is not a duration" },

        // Template paths.
        { "templates:\n  body: ../secrets/body.scriban", 2, 9, "'templates.body' is \"../secrets/body.scriban\", which leaves the repository through '..'; give a path inside it" },
        { "templates:\n  title: .github/../../x", 2, 10, "which leaves the repository through '..'" },
        { "templates:\n  comment: /etc/passwd", 2, 12, "'templates.comment' is \"/etc/passwd\"; give the path relative to the repository root, without the leading '/'" },
        { "templates:\n  body: '.github\\body.scriban'", 2, 9, "separate folders with '/', not '\\'" },
        { "templates:\n  body: ''", 2, 9, "'templates.body' is empty; give a path in the repository" },
        { "templates:\n  body: .github/%2e%2e/%2e%2e/secret", 2, 9, "'templates.body' is \".github/%2e%2e/%2e%2e/secret\", which leaves the repository through '..'" },
        { "templates:\n  title: '%2e%2e%252fsecret'", 2, 10, "which leaves the repository through '..'" },
        { "templates:\n  comment: .github/./c.scriban", 2, 12, "which has a '.' folder" },
        { "templates:\n  comment: '%2Fetc/passwd'", 2, 12, "without the leading '/'" },

        // Unknown keys.
        { "lables: [a]", 1, 1, "unknown key 'lables'; did you mean 'labels'?" },
        { "timezon: UTC", 1, 1, "unknown key 'timezon'; did you mean 'timezone'?" },
        { "resolve:\n  lable: done", 2, 3, "unknown key 'lable' in 'resolve'; did you mean 'label'?" },
        { "severity:\n  levels:\n    - { name: x, colour: b60205 }", 3, 18, "unknown key 'colour' in 'severity.levels[0]'; did you mean 'color'?" },
        { "notify: me", 1, 1, "unknown key 'notify'; known keys are incident_label, labels, severity, resolve, templates, incident_key" },

        // Silences: a repository may only shorten the longest silence.
        { "silence:\n  max_duration: 30d", 2, 17, "'silence.max_duration' must be from 1m to 1w (the longest silence the app sets), not 4w2d; a repository may only shorten it" },
        { "silence:\n  max_duration: 30s", 2, 17, "'silence.max_duration' must be from 1m to 1w" },
        { "silence:\n  max: 1d", 2, 3, "unknown key 'max' in 'silence'" },

        // Commands.
        { "commands:\n  sevrity: { permission: write }", 2, 3, "unknown key 'sevrity' in 'commands'; did you mean 'severity'?" },
        { "commands:\n  deploy: { permission: write }", 2, 3, "unknown key 'deploy' in 'commands'; known keys are ack, unack, resolve, reopen, severity, assign, unassign, autoclose, status, timeline, escalate, silence, unsilence, split, oncall, postmortem, help" },
        { "commands:\n  close: { permission: write }", 2, 3, "unknown key 'close' in 'commands'; known keys are ack," },
        { "commands:\n  ack:\n    permission: writer", 3, 17, "'commands.ack.permission' is \"writer\", which is not a permission; use one of none, read, triage, write, maintain, admin" },
        { "commands:\n  ack: { permission: 3 }", 2, 22, "'commands.ack.permission' is \"3\", which is not a permission" },
        { "commands:\n  ack: { permision: write }", 2, 10, "unknown key 'permision' in 'commands.ack'; did you mean 'permission'?" },
        { "commands:\n  ack: write", 2, 8, "'commands.ack' must be a mapping with the keys permission, not \"write\"" },
        { "commands:\n  ack: { permission: [write] }", 2, 22, "'commands.ack.permission' must be a string, not a list" },
        { "commands: [ack]", 1, 11, "'commands' must be a mapping with the keys ack, unack, resolve," },
        { "run_edited_comments: yes", 1, 22, "'run_edited_comments' must be true or false (unquoted), not \"yes\"" },

        // YAML syntax and structure.
        { "labels: [a, b\nresolve: {}", 1, 11, "invalid YAML after this point; check for an unclosed bracket, brace or quote" },
        { "resolve:\n  label: \"open", 2, 10, "invalid YAML: While scanning a quoted scalar, found unexpected end of stream." },
        { "labels: [a]\nlabels: [b]", 2, 1, "invalid YAML: Duplicate key labels" },
        { "labels: [a]\nincident_key:\n  labels: *missing", 3, 11, "invalid YAML: '*missing' refers to no anchor; define '&missing' on a value before this point" },
        { "resolve:\n  close: true\n   label: x", 3, 9, "invalid YAML: " },
        { "labels: [a]\n---\nlabels: [b]", 3, 1, "a second YAML document starts here; put all settings in one document and remove the '---' line" },
    };

    [Theory]
    [MemberData(nameof(SingleErrors))]
    [MemberData(nameof(MaintenanceSectionTests.SingleErrors), MemberType = typeof(MaintenanceSectionTests))]
    public void Each_problem_is_reported_where_it_is(string yaml, int line, int column, string message)
    {
        var result = IncidentConfigParser.Parse(yaml);

        Assert.False(result.IsValid);
        Assert.Same(IncidentConfig.Default, result.Config);
        var error = Assert.Single(result.Errors);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((IncidentConfig.FilePath, line, column), (error.Path, error.Line, error.Column));
    }

    [Fact]
    public void Every_problem_is_reported_in_file_order()
    {
        const string yaml = """
            incident_lable: x
            labels: [ok, ""]
            severity:
              default: fatal
              levels:
                - { name: critical, color: red }
                - { name: critical }
            resolve:
              close: maybe
              reopen_window: soon
            templates:
              body: /abs.scriban
            """;

        var errors = IncidentConfigParser.Parse(yaml, "org/repo/.github/incidents.yml").Errors;

        Assert.Equal(
            [
                "org/repo/.github/incidents.yml:1:1: unknown key 'incident_lable'; did you mean 'incident_label'?",
                "org/repo/.github/incidents.yml:2:14: 'labels[1]' is empty; a GitHub label needs a name",
                "org/repo/.github/incidents.yml:6:32: 'severity.levels[0].color' is \"red\", which is not a color; write six hex digits such as b60205 (with a leading #, quote it: \"#b60205\")",
                "org/repo/.github/incidents.yml:7:15: 'severity.levels[1].name' is \"critical\", which 'severity.levels[0].name' already uses; severity names and aliases must be unique",
                "org/repo/.github/incidents.yml:7:15: the label of 'severity.levels[1]' is \"severity/critical\", which the label of 'severity.levels[0]' already uses; each level needs its own GitHub label",
                "org/repo/.github/incidents.yml:9:10: 'resolve.close' must be true or false (unquoted), not \"maybe\"",
                "org/repo/.github/incidents.yml:10:18: 'resolve.reopen_window' is \"soon\", which is not a duration; write " + DurationText.Syntax,
                "org/repo/.github/incidents.yml:12:9: 'templates.body' is \"/abs.scriban\"; give the path relative to the repository root, without the leading '/'",
            ],
            errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Deeply_nested_input_is_refused_instead_of_overflowing_the_stack()
    {
        var yaml = "routes: " + new string('[', 10_000) + new string(']', 10_000);

        var error = Assert.Single(IncidentConfigParser.Parse(yaml).Errors);

        Assert.Equal(1, error.Line);
        Assert.Contains("nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_block_mappings_are_refused()
    {
        var yaml = string.Concat(Enumerable.Range(0, 100).Select(depth => $"{new string(' ', depth)}k{depth}:\n"));

        var error = Assert.Single(IncidentConfigParser.Parse(yaml).Errors);

        Assert.Equal(33, error.Line);
    }

    [Fact]
    public void Mangled_files_are_reported_not_thrown()
    {
        const string valid = """
            labels: ["alerts", "team/{{ labels.team }}"]
            severity:
              levels:
                - { name: critical, color: b60205, aliases: [page, sev1] }
                - name: warning
            resolve: { close: true, reopen_window: 24h }
            templates:
              title: .github/title.scriban
            """;
        const string syntax = "[]{}:,-\"'#&*!|>?%@` \n\t\\~";
        foreach (var text in ConfigFuzz.Mangle(valid, syntax, seed: 20261124))
        {
            var result = IncidentConfigParser.Parse(text);

            Assert.True(result.IsValid || result.Errors.All(error => error.Line > 0), text);
        }
    }

    [Fact]
    public void A_file_beyond_the_size_limit_is_refused_without_parsing()
    {
        var yaml = "labels: [" + string.Join(", ", Enumerable.Repeat("alerts", IncidentConfigParser.MaxLength / 6)) + "]";

        var result = IncidentConfigParser.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Null(error.Line); // about the whole file: no position
        Assert.StartsWith($".github/incidents.yml: the file has {yaml.Length} characters; the limit is {IncidentConfigParser.MaxLength}", error.ToString(), StringComparison.Ordinal);
        Assert.Same(IncidentConfig.Default, result.Config);
    }
}
