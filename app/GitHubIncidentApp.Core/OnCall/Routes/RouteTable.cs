namespace GitHubIncidentApp.Core.OnCall.Routes;

/// <summary>
/// Picks the route of an alert group: the first route whose matchers hold, in file order.
/// Match on the group's common labels (Alertmanager's <c>commonLabels</c>): a route then holds for every alert
/// in the group, so the owner does not change as alerts join or leave it.
/// </summary>
public sealed class RouteTable(IReadOnlyList<Route> routes)
{
    public IReadOnlyList<Route> Routes => routes;

    /// <summary>The first matching route and its index in <c>routes:</c>, or (null, -1) when none matches (no catch-all).</summary>
    public (Route? Route, int Index) Match(IReadOnlyDictionary<string, string> alertLabels)
    {
        for (var index = 0; index < routes.Count; index++)
        {
            if (routes[index].Matchers.Matches(alertLabels))
            {
                return (routes[index], index);
            }
        }

        return (null, -1);
    }
}
