using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Testing.Bursts;

/// <summary>Checks the issues a burst left on the fake GitHub against what it must leave.</summary>
public static partial class BurstAssert
{
    /// <summary>
    /// Every expected issue exists exactly once (by title) in its expected state, labels and marker, and
    /// no other incident issue exists. Throws <see cref="IssueSetMismatchException"/> listing every difference.
    /// </summary>
    /// <param name="exactComments">
    /// False where an answer may be lost after GitHub applied the call (a cut connection, a crash): a comment
    /// may then be posted again, so at least the expected number is required.
    /// </param>
    public static void AssertExactlyOneIssuePerGroup(IReadOnlyList<ExpectedIssue> expected, FakeRepo repo, bool exactComments = true)
    {
        var issues = repo.Issues.Where(issue => issue.Labels.Contains(AlertBurst.IncidentLabel)).ToList();
        var problems = new List<string>();
        foreach (var want in expected)
        {
            var found = issues.Where(issue => issue.Title == want.Title).ToList();
            if (found.Count != 1)
            {
                problems.Add($"'{want.Title}': {found.Count} issues ({string.Join(", ", found.Select(i => $"#{i.Number}"))}), expected exactly one");
                continue;
            }

            problems.AddRange(Differences(want, found[0], exactComments).Select(difference => $"'{want.Title}' (#{found[0].Number}): {difference}"));
        }

        problems.AddRange(issues
            .Where(issue => expected.All(want => want.Title != issue.Title))
            .Select(issue => $"#{issue.Number} '{issue.Title}' belongs to no group of the burst"));
        if (problems.Count > 0)
        {
            throw new IssueSetMismatchException(
                $"The issues are not the burst's ({problems.Count} difference(s)):\n  {string.Join("\n  ", problems)}\n" +
                $"Issues on the fake GitHub:\n  {string.Join("\n  ", repo.Issues.Select(Describe))}");
        }
    }

    private static IEnumerable<string> Differences(ExpectedIssue want, FakeIssue issue, bool exactComments)
    {
        if (issue.IsOpen != want.Open)
        {
            yield return $"{issue.State}, expected {(want.Open ? "open" : "closed")}";
        }

        if (!want.Open && issue.StateReason != "completed")
        {
            yield return $"closed as '{issue.StateReason}', expected 'completed'";
        }

        if (!issue.Labels.Order(StringComparer.Ordinal).SequenceEqual(want.Labels.Order(StringComparer.Ordinal)))
        {
            yield return $"labels [{string.Join(", ", issue.Labels)}], expected [{string.Join(", ", want.Labels)}]";
        }

        if (exactComments ? issue.Comments.Count != want.Comments : issue.Comments.Count < want.Comments)
        {
            yield return $"{issue.Comments.Count} comments, expected {(exactComments ? "" : "at least ")}{want.Comments}";
        }

        var firing = MarkedFiring(issue.Body);
        if (firing != want.MarkedFiring)
        {
            yield return firing is null ? "no incident marker in the body" : $"the marker lists {firing} firing alerts, expected {want.MarkedFiring}";
        }
    }

    private static int? MarkedFiring(string body) =>
        Marker().Match(body) is { Success: true } match && JsonNode.Parse(match.Groups["json"].Value)?["firing"] is JsonArray firing
            ? firing.Count
            : null;

    private static string Describe(FakeIssue issue) =>
        $"#{issue.Number} {issue.State} '{issue.Title}' [{string.Join(", ", issue.Labels)}], {issue.Comments.Count} comments";

    [GeneratedRegex(@"<!-- incident-app: (?<json>\{.*?\}) -->", RegexOptions.Singleline)]
    private static partial Regex Marker();
}
