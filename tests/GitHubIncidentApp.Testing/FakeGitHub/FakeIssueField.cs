namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>One of an organisation's issue fields.</summary>
/// <param name="DataType"><c>single_select</c>, <c>text</c>, <c>number</c> or <c>date</c>.</param>
/// <param name="Options">A single-select field's option names.</param>
public sealed record FakeIssueField(long Id, string Name, string DataType, IReadOnlyList<string> Options)
{
    public static FakeIssueField Select(long id, string name, params string[] options) => new(id, name, "single_select", options);

    public static FakeIssueField Text(long id, string name) => new(id, name, "text", []);
}
