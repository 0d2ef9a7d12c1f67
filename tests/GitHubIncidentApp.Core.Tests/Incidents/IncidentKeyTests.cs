using System.Text;
using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Testing;

namespace GitHubIncidentApp.Core.Tests.Incidents;

public sealed class IncidentKeyTests
{
    private static readonly RepoRef Repo = new("operate-first", "incidents");
    private static readonly AlertmanagerPayload Payload =
        AlertmanagerPayloadParser.Parse(Encoding.UTF8.GetBytes(Fixtures.Alertmanager("firing-critical"))).Payload!;

    [Fact]
    public void Survives_a_route_edit_that_changes_the_group_key()
    {
        var edited = Payload with { GroupKey = "{}/{team=\"sre\"}:{alertname=\"JupyterHubDown\", namespace=\"opf-jupyterhub\"}", Receiver = "renamed" };

        Assert.Equal(IncidentKey.Derive(Repo, Payload, []), IncidentKey.Derive(Repo, edited, []));
    }

    [Fact]
    public void Differs_by_repository_and_group_but_not_by_case_of_the_repository()
    {
        var key = IncidentKey.Derive(Repo, Payload, []);
        var otherGroup = Payload with { GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown", ["namespace"] = "opf-argo" } };

        Assert.NotEqual(key, IncidentKey.Derive(new RepoRef("operate-first", "other"), Payload, []));
        Assert.NotEqual(key, IncidentKey.Derive(Repo, otherGroup, []));
        Assert.Equal(key, IncidentKey.Derive(new RepoRef("Operate-First", "Incidents"), Payload, []));
    }

    [Fact]
    public void Configured_key_labels_ignore_other_group_labels()
    {
        var regrouped = Payload with { GroupLabels = new Dictionary<string, string> { ["alertname"] = "JupyterHubDown", ["namespace"] = "opf-jupyterhub", ["cluster"] = "moc" } };

        Assert.NotEqual(IncidentKey.Derive(Repo, Payload, []), IncidentKey.Derive(Repo, regrouped, []));
        Assert.Equal(IncidentKey.Derive(Repo, Payload, ["alertname", "namespace"]), IncidentKey.Derive(Repo, regrouped, ["namespace", "alertname"]));
    }
}
