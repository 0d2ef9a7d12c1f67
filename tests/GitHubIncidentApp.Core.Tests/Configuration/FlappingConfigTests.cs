using GitHubIncidentApp.Core.Configuration;

namespace GitHubIncidentApp.Core.Tests.Configuration;

public sealed class FlappingConfigTests
{
    [Fact]
    public void Without_the_keys_resolutions_are_prompt_and_more_than_three_flaps_in_an_hour_is_flapping()
    {
        var config = IncidentConfigParser.Parse("labels: [alerts]").Config;

        Assert.Equal(TimeSpan.Zero, config.Resolve.Delay);
        Assert.Equal(new FlappingConfig { Enabled = true, Threshold = 3, Window = TimeSpan.FromHours(1), Label = "flapping" }, config.Flapping);
    }

    [Fact]
    public void The_hold_down_and_the_flapping_rule_are_read()
    {
        var result = IncidentConfigParser.Parse("""
            resolve:
              delay: 5m
            flapping:
              threshold: 5
              window: 30m
              label: unstable
            """);

        Assert.Empty(result.Errors);
        Assert.Equal(TimeSpan.FromMinutes(5), result.Config.Resolve.Delay);
        Assert.Equal(new FlappingConfig { Threshold = 5, Window = TimeSpan.FromMinutes(30), Label = "unstable" }, result.Config.Flapping);
        Assert.False(IncidentConfigParser.Parse("flapping: { enabled: false }").Config.Flapping.Enabled);
    }

    public static TheoryData<string, int, int, string> Errors => new()
    {
        { "resolve:\n  delay: soon", 2, 10, "'resolve.delay' is \"soon\", which is not a duration" },
        // A config written by anyone with push access must not keep issues open for ever, nor grow the marker without bound.
        { "resolve:\n  delay: 2d", 2, 10, "'resolve.delay' is 2d; give 0 (none) up to 1d" },
        { "flapping:\n  window: 0", 2, 11, "'flapping.window' is 0s; give more than 0 up to 1d" },
        { "flapping:\n  window: 1w", 2, 11, "'flapping.window' is 1w; give more than 0 up to 1d" },
        { "flapping:\n  threshold: 0", 2, 14, "'flapping.threshold' is \"0\"; give a whole number from 1 to 20 (the flaps allowed within the window), or enabled: false to turn flapping off" },
        { "flapping:\n  threshold: 1000000", 2, 14, "'flapping.threshold' is \"1000000\"; give a whole number from 1 to 20" },
        { "flapping:\n  threshold: -3", 2, 14, "'flapping.threshold' is \"-3\"" },
        { "flapping:\n  enabled: off", 2, 12, "'flapping.enabled' must be true or false (unquoted), not \"off\"" },
        { "flapping:\n  label: ''", 2, 10, "'flapping.label' is empty; a GitHub label needs a name" },
        { "flapping:\n  treshold: 4", 2, 3, "unknown key 'treshold' in 'flapping'; did you mean 'threshold'?" },
        { "flaping: { threshold: 4 }", 1, 1, "unknown key 'flaping'; did you mean 'flapping'?" },
        { "resolve:\n  dealy: 5m", 2, 3, "unknown key 'dealy' in 'resolve'; did you mean 'delay'?" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_wrong_value_is_reported_where_it_is_and_the_defaults_apply(string yaml, int line, int column, string message)
    {
        var result = IncidentConfigParser.Parse(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Same(IncidentConfig.Default, result.Config);
    }
}
