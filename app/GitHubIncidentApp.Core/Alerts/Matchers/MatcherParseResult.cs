using System.Diagnostics.CodeAnalysis;

namespace GitHubIncidentApp.Core.Alerts.Matchers;

/// <summary>What a matcher text means, or what is wrong with it.</summary>
/// <param name="Value">The parsed value; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">What is wrong and how to fix it, with the column in the text where that helps.</param>
public sealed record MatcherParseResult<T>(T? Value, string? Error)
    where T : class
{
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsValid => Error is null;
}
