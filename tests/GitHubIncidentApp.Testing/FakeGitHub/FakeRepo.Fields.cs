namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Organisation issue field values on the repository's issues.</summary>
public sealed partial class FakeRepo
{
    /// <summary>Sets these fields of the issue and keeps its others, as <c>POST /issues/{n}/issue-field-values</c> does; null when there is no such issue.</summary>
    internal FakeIssue? SetFields(int number, IReadOnlyDictionary<string, string> values)
    {
        lock (_gate)
        {
            if (number < 1 || number > _issues.Count)
            {
                return null;
            }

            var issue = _issues[number - 1];
            var fields = new Dictionary<string, string>(issue.Fields, StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in values)
            {
                fields[name] = value;
            }

            issue = issue with { Fields = fields, UpdatedAt = _time.GetUtcNow() };
            _issues[number - 1] = issue;
            return issue;
        }
    }
}
