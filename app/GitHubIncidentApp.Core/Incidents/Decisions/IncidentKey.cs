using System.Security.Cryptography;
using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// The identity of an incident: the target repository plus the labels that define the group.
/// Alertmanager's own <c>groupKey</c> starts with the route path, which changes whenever someone
/// edits the routing tree, so it would split one incident into two; the labels do not.
/// </summary>
public static class IncidentKey
{
    /// <param name="keyLabels">Labels that identify the incident; empty means the group's labels.</param>
    public static string Derive(RepoRef repo, AlertmanagerPayload payload, IReadOnlyList<string> keyLabels)
    {
        var labels = keyLabels.Count == 0
            ? payload.GroupLabels
            : keyLabels.Distinct(StringComparer.Ordinal).ToDictionary(
                name => name,
                name => payload.GroupLabels.GetValueOrDefault(name) ?? payload.CommonLabels.GetValueOrDefault(name) ?? "",
                StringComparer.Ordinal);

        var canonical = new StringBuilder(repo.ToString().ToLowerInvariant());
        foreach (var (name, value) in labels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            canonical.Append('\n').Append(name).Append('=').Append(value);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return Convert.ToHexStringLower(hash)[..20];
    }
}
