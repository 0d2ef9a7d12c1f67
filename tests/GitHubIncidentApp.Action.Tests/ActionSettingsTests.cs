namespace GitHubIncidentApp.Action.Tests;

/// <summary>The Alertmanager inputs as <see cref="ActionSettings.Load"/> reads them, without running the program.</summary>
public sealed class ActionSettingsTests
{
    private static Func<string, string?> Environment(params (string Input, string Value)[] inputs)
    {
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_EVENT_NAME"] = "schedule",
            ["GITHUB_REPOSITORY"] = "operate-first/incidents",
            [ActionInputs.VariableName(ActionInputs.Token)] = "ghs_token",
        };
        foreach (var (input, value) in inputs)
        {
            variables[ActionInputs.VariableName(input)] = value;
        }

        return name => variables.GetValueOrDefault(name);
    }

    [Fact]
    public void The_Alertmanager_url_and_receiver_are_read()
    {
        var (settings, problems) = ActionSettings.Load(Environment((ActionInputs.AlertmanagerUrl, " http://alertmanager.monitoring:9093 "), (ActionInputs.AlertmanagerReceiver, "github")));

        Assert.Empty(problems);
        Assert.Equal(new Uri("http://alertmanager.monitoring:9093"), settings!.Alertmanager?.Url);
        Assert.Equal("github", settings.AlertmanagerReceiver);
    }

    [Fact]
    public void Without_them_there_is_no_reconciliation()
    {
        var (settings, _) = ActionSettings.Load(Environment((ActionInputs.AlertmanagerUrl, "")));

        Assert.Null(settings!.Alertmanager);
        Assert.Null(settings.AlertmanagerReceiver);
    }

    [Theory]
    [InlineData("alertmanager:9093")]
    [InlineData("ftp://alertmanager")]
    [InlineData("/api/v2")]
    public void A_url_that_is_not_http_is_refused_with_an_example(string url)
    {
        var (settings, problems) = ActionSettings.Load(Environment((ActionInputs.AlertmanagerUrl, url)));

        Assert.Null(settings);
        Assert.Equal($"the alertmanager-url input '{url}' is not an http(s) URL: give Alertmanager's base URL as the runner reaches it, such as http://alertmanager.monitoring:9093", Assert.Single(problems));
    }

    [Fact]
    public void The_validate_mode_needs_the_workspace_and_no_token()
    {
        var (settings, problems) = ActionSettings.Load(Environment((ActionInputs.Mode, "validate"), (ActionInputs.Token, "")));

        Assert.Null(settings);
        Assert.StartsWith("GITHUB_WORKSPACE is not set: the runner sets it to the checked-out repository", Assert.Single(problems), StringComparison.Ordinal);
    }
}
