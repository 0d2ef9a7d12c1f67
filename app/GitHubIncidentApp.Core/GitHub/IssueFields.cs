namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// One of an organisation's issue fields, as <c>GET /orgs/{org}/issue-fields</c> lists it.
/// </summary>
/// <param name="DataType">GitHub's <c>data_type</c>: <c>single_select</c>, <c>text</c>, <c>number</c> or <c>date</c>.</param>
/// <param name="Options">The names of a single-select field's options; empty for the other types.</param>
public sealed record OrgIssueField(long Id, string Name, string DataType, IReadOnlyList<string> Options)
{
    public const string SingleSelect = "single_select";
    public const string Text = "text";
}

/// <summary>A value to set on an issue's field: <c>{ "field_id": ..., "value": ... }</c>; a single-select field takes its option's name.</summary>
public sealed record IssueFieldValue(long FieldId, string Value);
