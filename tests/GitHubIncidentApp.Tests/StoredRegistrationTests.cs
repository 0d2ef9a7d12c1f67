using Microsoft.Extensions.DependencyInjection;

namespace GitHubIncidentApp.Tests;

/// <summary>The credentials the setup flow stored in DATA_DIR start the app as the App next time; given settings win.</summary>
public sealed class StoredRegistrationTests
{
    private static readonly AppRegistration Registered = new(4242, "incident-app", System.Security.Cryptography.RSA.Create(2048).ExportRSAPrivateKeyPem(), "stored-secret", "https://github.com/apps/incident-app");

    [Fact]
    public async Task A_later_start_runs_as_the_stored_App()
    {
        var dataDir = Directory.CreateTempSubdirectory("incident-app-stored-").FullName;
        Registered.Save(dataDir);

        await using var app = IncidentApp.Build([], TextWriter.Null, Settings(dataDir))!;

        var settings = app.Services.GetRequiredService<AppSettings>();
        Assert.Equal(RunMode.App, settings.Mode);
        Assert.Equal(4242, settings.AppId);
        Assert.Equal("stored-secret", settings.WebhookSecret);
    }

    [Fact]
    public async Task A_setting_given_wins_over_the_stored_one()
    {
        var dataDir = Directory.CreateTempSubdirectory("incident-app-stored-").FullName;
        Registered.Save(dataDir);

        await using var app = IncidentApp.Build([], TextWriter.Null, new Dictionary<string, string?>(Settings(dataDir)) { ["WEBHOOK_SECRET"] = "given-secret" })!;

        Assert.Equal("given-secret", app.Services.GetRequiredService<AppSettings>().WebhookSecret);
    }

    private static Dictionary<string, string?> Settings(string dataDir) => new()
    {
        ["ALERTMANAGER_TOKEN"] = "t",
        ["ALLOWED_REPOS"] = "operate-first/*",
        ["DATA_DIR"] = dataDir,
        ["HOST"] = "127.0.0.1",
        ["PORT"] = "0",
        // A token in the developer's environment would clash with the stored App.
        ["GITHUB_TOKEN"] = null,
    };
}
