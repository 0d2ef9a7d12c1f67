using System.Globalization;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>The settings that start the app against a fake GitHub: the same for an app in the test's process, one in a process of its own, and the benchmark.</summary>
public static class AppSettingsForFake
{
    /// <param name="port">0 for any free one.</param>
    public static Dictionary<string, string?> Of(FakeGitHubServer github, string dataDir, string webhookSecret, string alertmanagerToken, int port = 0) => new()
    {
        ["APP_ID"] = github.AppId.ToString(CultureInfo.InvariantCulture),
        ["PRIVATE_KEY"] = github.AppPrivateKeyPem,
        ["GITHUB_API_URL"] = github.BaseUrl.AbsoluteUri,
        ["WEBHOOK_SECRET"] = webhookSecret,
        ["ALERTMANAGER_TOKEN"] = alertmanagerToken,
        // The owner the tests install the app on; a test that reaches others says so.
        ["ALLOWED_REPOS"] = "operate-first/*",
        ["DATA_DIR"] = dataDir,
        ["HOST"] = "127.0.0.1",
        ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
        ["LOG_LEVEL"] = "warn",
        // A developer's or CI's token in the environment would choose token mode (and clash with the App's credentials).
        ["GITHUB_TOKEN"] = null,
    };
}
