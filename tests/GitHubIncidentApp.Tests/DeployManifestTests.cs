using System.Reflection;
using GitHubIncidentApp.Core.Alerts;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Tests;

/// <summary>The kustomize overlays in deploy/: they render, their selectors find the pods, and the pods start the app as it reads its settings.</summary>
[Collection(DeployFixture.Collection)]
public sealed class DeployManifestTests(DeployFixture deploy)
{
    /// <summary>Every setting the app reads: <see cref="AppVariables"/>' names, the mode, and the Alertmanager tokens.</summary>
    private static readonly HashSet<string> Settings = typeof(AppVariables).GetProperties()
        .Select(property => property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name)
        .OfType<string>()
        .Concat([AppMode.DryRunSetting, AlertmanagerTokenSettings.Plain, AlertmanagerTokenSettings.PlainScope])
        .ToHashSet(StringComparer.Ordinal);

    private static readonly string[] SecretSettings = ["PRIVATE_KEY", "WEBHOOK_SECRET", AlertmanagerTokenSettings.Plain, "DATABASE_URL"];

    public static TheoryData<string> Overlays => new(DeployFixture.Overlays);

    [Theory]
    [MemberData(nameof(Overlays))]
    public void An_overlay_renders_the_app_its_service_its_budget_and_its_monitoring_but_no_secret(string overlay)
    {
        var manifests = deploy.Rendered[overlay];

        foreach (var kind in (string[])["Deployment", "Service", "PodDisruptionBudget", "ServiceMonitor", "PrometheusRule", "ConfigMap"])
        {
            manifests.Single(kind);
        }

        Assert.Empty(manifests.OfKind("Secret"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_selector_finds_the_app_s_pods(string overlay)
    {
        var manifests = deploy.Rendered[overlay];
        var deployment = manifests.Deployment;
        var service = manifests.Single("Service");
        var pod = deployment.Labels("spec.template.metadata.labels");

        AssertSelects(deployment.Labels("spec.selector.matchLabels"), pod, "the Deployment's selector");
        AssertSelects(service.Labels("spec.selector"), pod, "the Service's selector");
        AssertSelects(manifests.Single("PodDisruptionBudget").Labels("spec.selector.matchLabels"), pod, "the PodDisruptionBudget's selector");
        foreach (var spread in deployment.Items("spec.template.spec.topologySpreadConstraints"))
        {
            AssertSelects(spread.Labels("labelSelector.matchLabels"), pod, "a topology spread constraint's selector");
        }

        var monitor = manifests.Single("ServiceMonitor");
        AssertSelects(monitor.Labels("spec.selector.matchLabels"), service.Labels("metadata.labels"), "the ServiceMonitor's selector");
        var servicePorts = service.Items("spec.ports").Select(port => port.Text("name")).ToList();
        Assert.All(monitor.Items("spec.endpoints"), endpoint => Assert.Contains(endpoint.Text("port"), servicePorts));
        var containerPorts = manifests.Container.Items("ports").Select(port => port.Text("name")).ToList();
        Assert.All(service.Items("spec.ports"), port => Assert.Contains(port.Text("targetPort"), containerPorts));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public async Task The_probes_and_the_scrape_ask_the_app_s_own_endpoints_on_the_port_it_listens_on(string overlay)
    {
        var manifests = deploy.Rendered[overlay];
        var container = manifests.Container;
        var port = Assert.Single(container.Items("ports"), p => p.Text("name") == "http");
        Assert.Equal(port.Text("containerPort"), EnvValue(container, "PORT"));

        Assert.Equal("/livez", container.Text("livenessProbe.httpGet.path"));
        Assert.Equal("/readyz", container.Text("readinessProbe.httpGet.path"));
        foreach (var probe in (string[])["startupProbe", "livenessProbe", "readinessProbe"])
        {
            Assert.Equal("http", container.Text($"{probe}.httpGet.port"));
            await deploy.GetAsync(container.Text($"{probe}.httpGet.path")!);
        }

        foreach (var endpoint in manifests.Single("ServiceMonitor").Items("spec.endpoints"))
        {
            Assert.Equal("/metrics", endpoint.Text("path"));
            await deploy.GetAsync(endpoint.Text("path")!);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_environment_variable_is_a_setting_the_app_reads(string overlay)
    {
        Assert.Contains("DATA_DIR", Settings);
        var manifests = deploy.Rendered[overlay];
        var container = manifests.Container;
        Assert.All(container.Items("envFrom"), source => Assert.Null(source.At("secretRef")));
        var fromConfigMaps = container.Items("envFrom")
            .SelectMany(source => manifests.Named("ConfigMap", source.Text("configMapRef.name")!).Keys("data"));
        var names = container.Items("env").Select(variable => variable.Text("name")!).Concat(fromConfigMaps).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(
            Settings.Contains(name) || name.StartsWith(AlertmanagerTokenSettings.Plain + "_", StringComparison.Ordinal) || name.StartsWith(AlertmanagerTokenSettings.PlainScope + "_", StringComparison.Ordinal),
            $"{overlay} sets {name}, which the app does not read"));
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_come_from_secret_references_only(string overlay)
    {
        var manifests = deploy.Rendered[overlay];
        static bool IsSecret(string name) => SecretSettings.Contains(name) || name.StartsWith(AlertmanagerTokenSettings.Plain + "_", StringComparison.Ordinal);

        foreach (var variable in manifests.Container.Items("env").Where(variable => IsSecret(variable.Text("name")!)))
        {
            Assert.Null(variable.At("value"));
            Assert.NotNull(variable.Text("valueFrom.secretKeyRef.key"));
        }

        Assert.All(manifests.OfKind("ConfigMap").SelectMany(map => map.Keys("data")), key => Assert.False(IsSecret(key), $"the ConfigMap holds {key}"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_root_filesystem_is_read_only_and_the_app_writes_only_to_its_volumes(string overlay)
    {
        var manifests = deploy.Rendered[overlay];
        var container = manifests.Container;
        var pod = manifests.Deployment.At("spec.template.spec")!;
        Assert.Equal("true", container.Text("securityContext.readOnlyRootFilesystem"));
        Assert.Equal("false", container.Text("securityContext.allowPrivilegeEscalation"));
        Assert.Equal("true", pod.Text("securityContext.runAsNonRoot"));

        var volumes = pod.Items("volumes").ToDictionary(volume => volume.Text("name")!, StringComparer.Ordinal);
        Assert.All(volumes.Values, volume => Assert.Equal(2, ((YamlMappingNode)volume).Children.Count));
        var mounts = container.Items("volumeMounts").ToDictionary(mount => mount.Text("mountPath")!, StringComparer.Ordinal);
        Assert.All(mounts.Values, mount => Assert.Contains(mount.Text("name")!, volumes.Keys));

        Assert.Null(mounts[EnvValue(container, "DATA_DIR")!].Text("readOnly"));
        Assert.Contains("/tmp", mounts.Keys);

        var keyPath = EnvValue(container, "PRIVATE_KEY_PATH")!;
        var keyMount = mounts[Path.GetDirectoryName(keyPath)!];
        Assert.Equal("true", keyMount.Text("readOnly"));
        var keyVolume = volumes[keyMount.Text("name")!];
        Assert.Contains(Path.GetFileName(keyPath), keyVolume.Items("secret.items").Select(item => item.Text("path")));
    }

    [Fact]
    public void Sqlite_1_runs_one_replica_on_a_volume_claim_and_replaces_it_rather_than_rolling()
    {
        var manifests = deploy.Rendered["sqlite-1"];
        var deployment = manifests.Deployment;

        Assert.Equal("1", deployment.Text("spec.replicas"));
        Assert.Equal("Recreate", deployment.Text("spec.strategy.type"));
        Assert.Null(deployment.At("spec.strategy.rollingUpdate"));
        var data = DataVolume(manifests);
        manifests.Named("PersistentVolumeClaim", data.Text("persistentVolumeClaim.claimName")!);
        Assert.DoesNotContain("DATABASE_URL", manifests.Container.Items("env").Select(variable => variable.Text("name")));
    }

    [Fact]
    public void Postgres_3_runs_three_replicas_on_the_shared_database_and_keeps_two_through_disruptions()
    {
        var manifests = deploy.Rendered["postgres-3"];

        Assert.Equal("3", manifests.Deployment.Text("spec.replicas"));
        var database = Assert.Single(manifests.Container.Items("env"), variable => variable.Text("name") == "DATABASE_URL");
        Assert.NotNull(database.Text("valueFrom.secretKeyRef.name"));
        Assert.Empty(manifests.OfKind("PersistentVolumeClaim"));
        Assert.NotNull(DataVolume(manifests).At("emptyDir"));
        var budget = manifests.Single("PodDisruptionBudget");
        Assert.Equal("2", budget.Text("spec.minAvailable"));
        Assert.Null(budget.At("spec.maxUnavailable"));
    }

    private static void AssertSelects(IReadOnlyDictionary<string, string> selector, IReadOnlyDictionary<string, string> labels, string what)
    {
        Assert.True(selector.Count > 0, $"{what} is empty, so it selects every pod");
        Assert.All(selector, pair => Assert.True(labels.TryGetValue(pair.Key, out var value) && value == pair.Value, $"{what} wants {pair.Key}={pair.Value}, which the labels lack"));
    }

    private static string? EnvValue(YamlMappingNode container, string name) =>
        Assert.Single(container.Items("env"), variable => variable.Text("name") == name).Text("value");

    private static YamlMappingNode DataVolume(Manifests manifests)
    {
        var mountedAt = Assert.Single(manifests.Container.Items("volumeMounts"), mount => mount.Text("mountPath") == EnvValue(manifests.Container, "DATA_DIR")).Text("name");
        return Assert.Single(manifests.Deployment.Items("spec.template.spec.volumes"), volume => volume.Text("name") == mountedAt);
    }
}
