using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// The PrometheusRule in deploy/: Prometheus' own promtool accepts it, and its expressions name only metrics, labels
/// and label values that the running app's <c>/metrics</c> has.
/// </summary>
[Collection(DeployFixture.Collection)]
public sealed partial class AlertRuleTests(DeployFixture deploy)
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "unless", "bool", "offset" };

    private YamlMappingNode Rule => deploy.Rendered[DeployFixture.Overlays[0]].Single("PrometheusRule");

    private IEnumerable<YamlMappingNode> Alerts => Rule.Items("spec.groups").SelectMany(group => group.Items("rules"));

    [Fact]
    public void Both_overlays_carry_the_same_rules()
    {
        var rendered = DeployFixture.Overlays.Select(overlay => deploy.Rendered[overlay].Single("PrometheusRule").ToString()).ToList();

        Assert.Single(rendered.Distinct(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_expression_names_only_metrics_the_app_exposes()
    {
        Assert.NotEmpty(Alerts);
        foreach (var alert in Alerts)
        {
            var expression = alert.Text("expr")!;
            var metrics = MetricNames(expression).ToList();

            Assert.True(metrics.Count > 0, $"{alert.Text("alert")}: '{expression}' names no metric");
            Assert.All(metrics, metric => Assert.True(deploy.Metrics.ContainsKey(metric), $"{alert.Text("alert")}: the app exposes no {metric}"));
        }
    }

    [Fact]
    public void Every_label_matcher_names_a_label_and_values_the_metric_has()
    {
        var matchers = Alerts.SelectMany(alert => Selector().Matches(alert.Text("expr")!)).ToList();
        Assert.NotEmpty(matchers);
        foreach (var selector in matchers)
        {
            var metric = selector.Groups["metric"].Value;
            var samples = deploy.Metrics[metric];
            foreach (Match matcher in Matcher().Matches(selector.Groups["matchers"].Value))
            {
                var label = matcher.Groups["label"].Value;
                var known = samples.Where(sample => sample.ContainsKey(label)).Select(sample => sample[label]).ToHashSet(StringComparer.Ordinal);
                if (label == "mode")
                {
                    // The mode gauge has a sample for the running mode only.
                    known.UnionWith([AppMode.LiveName, AppMode.DryRunName]);
                }

                Assert.True(known.Count > 0, $"{metric} has no label {label}");
                var values = matcher.Groups["op"].Value.EndsWith('~') ? matcher.Groups["value"].Value.Split('|') : [matcher.Groups["value"].Value];
                Assert.All(values, value => Assert.True(known.Contains(value), $"{metric}'s {label} is never \"{value}\": it is one of {string.Join(", ", known)}"));
            }
        }
    }

    [Fact]
    public void Every_alert_has_a_severity_and_a_summary()
    {
        Assert.All(Alerts, alert =>
        {
            Assert.Contains(alert.Text("labels.severity"), (string[])["critical", "warning", "info"]);
            Assert.False(string.IsNullOrWhiteSpace(alert.Text("annotations.summary")), $"{alert.Text("alert")} has no summary");
        });
    }

    [Fact]
    public async Task Promtool_accepts_the_rules()
    {
        var directory = Directory.CreateTempSubdirectory("incident-app-rules-");
        try
        {
            var file = Path.Combine(directory.FullName, "rules.yml");
            var rules = new YamlStream(new YamlDocument(Rule.At("spec")!));
            await using (var writer = File.CreateText(file))
            {
                rules.Save(writer, assignAnchors: false);
            }

            var (exit, output) = await RunPromtoolAsync("check", "rules", file);

            Assert.True(exit == 0, $"promtool check rules:\n{output}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The metric names in a PromQL expression: its identifiers less label matchers, ranges, groupings, functions and keywords.</summary>
    private static IEnumerable<string> MetricNames(string expression)
    {
        var bare = Grouping().Replace(Brackets().Replace(Braces().Replace(expression, " "), " "), " ");
        return Identifier().Matches(bare)
            .Where(match => !match.Groups["call"].Success && !Keywords.Contains(match.Groups["name"].Value))
            .Select(match => match.Groups["name"].Value);
    }

    private static async Task<(int Exit, string Output)> RunPromtoolAsync(params string[] args)
    {
        var start = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await errors);
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"promtool cannot be run ({ex.Message}): install Debian's prometheus package (.ci/run does), which carries it.", ex);
        }
    }

    [GeneratedRegex(@"(?<metric>[a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{(?<matchers>[^}]*)\}")]
    private static partial Regex Selector();

    [GeneratedRegex("(?<label>[a-zA-Z_][a-zA-Z0-9_]*)\\s*(?<op>=~|!~|!=|=)\\s*\"(?<value>[^\"]*)\"")]
    private static partial Regex Matcher();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)")]
    private static partial Regex Grouping();

    [GeneratedRegex(@"(?<![\w.])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();
}
