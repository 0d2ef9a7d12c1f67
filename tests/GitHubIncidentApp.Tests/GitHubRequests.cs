using System.Text.RegularExpressions;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Counts of what the app asked the fake GitHub, by kind.</summary>
public static partial class GitHubRequests
{
    /// <summary>Requests to the issue endpoints: <c>/repos/{o}/{r}/issues...</c>.</summary>
    public static List<RecordedRequest> IssueCalls(this FakeGitHubServer github) =>
        github.Requests.Where(r => IssuePath().IsMatch(r.Path)).ToList();

    public static int Count(this FakeGitHubServer github, string method, string pathPattern) =>
        github.Requests.Count(r => r.Method == method && Regex.IsMatch(r.Path, pathPattern));

    [GeneratedRegex("^/repos/[^/]+/[^/]+/issues")]
    private static partial Regex IssuePath();
}
