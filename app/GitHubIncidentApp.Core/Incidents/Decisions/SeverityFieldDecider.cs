using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Keeps an organisation issue field showing the incident's severity (<c>severity_field</c>): after any decision, the
/// field goes into the call that opens the issue, or is set when the severity changed (<c>/severity</c>, a person's
/// severity label, or the alerts). Which field and option that is, from the organisation's fields, is chosen here too.
/// </summary>
public static class SeverityFieldDecider
{
    public static IncidentDecision Decide(IncidentDecision decision, IncidentState? before, IncidentContext context)
    {
        // A storm member has no issue of its own; the storm ledger is no incident.
        if (context.Config.SeverityField is not { } field || decision.State is not { StormIssue: null, Storm: null } state)
        {
            return decision;
        }

        var wanted = new SeverityFieldWanted(field, state.Severity);
        if (decision.Operations.Any(operation => operation is CreateIssue))
        {
            return new([.. decision.Operations.Select(operation => operation is CreateIssue create ? create with { SeverityField = wanted } : operation)], state);
        }

        return before is not null && before.Severity != state.Severity ? new([.. decision.Operations, new SetSeverityField(wanted)], state) : decision;
    }

    /// <summary>
    /// The value to set for <paramref name="wanted"/> among the organisation's <paramref name="fields"/> (null: it has
    /// none), or what is wrong, said so that a person can fix it.
    /// </summary>
    public static SeverityFieldChoice Choose(SeverityFieldWanted wanted, string owner, IReadOnlyList<OrgIssueField>? fields)
    {
        var (config, level) = wanted;
        var name = config.Name;
        if (fields is null)
        {
            return Missing($"'severity_field' names the issue field \"{name}\", but {owner} has no issue fields: it is a personal account, or an organisation without them (or the app lacks the organisation permission \"Issue fields: read\"); add the field in the organisation's settings (Issue fields), or remove 'severity_field'");
        }

        var field = fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
        if (field is null)
        {
            var known = fields.Count == 0 ? "none" : string.Join(", ", fields.Select(f => $"\"{f.Name}\""));
            return Missing($"'severity_field' names the issue field \"{name}\", which {owner} does not have (its fields: {known}); add it in the organisation's settings (Issue fields), or name one of those");
        }

        var value = config.ValueFor(level);
        switch (field.DataType)
        {
            case OrgIssueField.Text:
                return new SeverityFieldChoice(new IssueFieldValue(field.Id, value), null);
            case OrgIssueField.SingleSelect:
                var option = field.Options.FirstOrDefault(o => string.Equals(o, value, StringComparison.OrdinalIgnoreCase));
                return option is not null
                    ? new SeverityFieldChoice(new IssueFieldValue(field.Id, option), null)
                    : Missing($"the issue field \"{field.Name}\" has no option \"{value}\" for severity {level} (its options: {string.Join(", ", field.Options.Select(o => $"\"{o}\""))}); add the option, or map the level to one in 'severity_field.values'");
            default:
                return Missing($"the issue field \"{field.Name}\" is a {field.DataType} field; 'severity_field' needs a single-select or text field");
        }
    }

    private static SeverityFieldChoice Missing(string problem) => new(null, problem);
}

/// <summary>The value to set, or (when <see cref="Value"/> is null) what keeps the field from being set.</summary>
public sealed record SeverityFieldChoice(IssueFieldValue? Value, string? Problem);
