namespace GitHubIncidentApp.Core.Alerts.Matchers;

/// <summary>The four operators of Alertmanager's matchers.</summary>
public enum MatchOperator
{
    /// <summary><c>=</c>: the label equals the value.</summary>
    Equal,

    /// <summary><c>!=</c>: the label differs from the value.</summary>
    NotEqual,

    /// <summary><c>=~</c>: the whole label matches the regular expression.</summary>
    Regex,

    /// <summary><c>!~</c>: the whole label does not match the regular expression.</summary>
    NotRegex,
}
