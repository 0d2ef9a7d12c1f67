using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// Counts requests per route (method and path, numbers stripped), so a fault can hit "every Nth request of
/// each kind". A count over all requests would fail the same call of an N-call operation on every retry, and
/// the operation would never complete; per route, a retried call moves on.
/// </summary>
public sealed partial class FakeRouteCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>How many requests of <paramref name="request"/>'s route have been counted, this one included.</summary>
    public int Count(RecordedRequest request) =>
        _counts.AddOrUpdate(Route(request), 1, (_, count) => count + 1);

    /// <summary>True for the <paramref name="n"/>th, 2<paramref name="n"/>th ... request of its route.</summary>
    public bool IsNth(RecordedRequest request, int n) => Count(request) % n == 0;

    /// <summary><c>PATCH /repos/{o}/{r}/issues/{n}</c> for <c>PATCH /repos/acme/api/issues/7</c>.</summary>
    public static string Route(RecordedRequest request) => $"{request.Method} {Number().Replace(request.Path, "/{n}")}";

    [GeneratedRegex("/[0-9]+(?=/|$)")]
    private static partial Regex Number();
}
