using System.Text;
using GitHubIncidentApp.Testing.Bursts;

namespace GitHubIncidentApp.Bench;

internal static class AlertPayloads
{
    /// <summary>Each group's first delivery (its alert fires), as sent: it opens the group's incident, and sent again it is an unchanged repeat.</summary>
    public static List<byte[]> Opening(int groups) => [.. AlertBurst.Create(groups).Wave(1).Select(d => Encoding.UTF8.GetBytes(d.Json))];
}
