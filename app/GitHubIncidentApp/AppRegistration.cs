using System.Globalization;
using System.Text.Json.Serialization;

namespace GitHubIncidentApp;

/// <summary>
/// The GitHub App the setup flow registered, as GitHub's manifest conversion answers it, and its credentials' file:
/// <c>github-app.env</c> in <c>DATA_DIR</c>, readable by the app's user only, read at start as if its variables were
/// set (the environment and <c>.env</c> win).
/// </summary>
public sealed record AppRegistration(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("slug")] string Slug,
    [property: JsonPropertyName("pem")] string Pem,
    [property: JsonPropertyName("webhook_secret")] string WebhookSecret,
    [property: JsonPropertyName("html_url")] string HtmlUrl)
{
    public const string FileName = "github-app.env";

    /// <summary>Where an owner installs the App.</summary>
    public string InstallUrl => HtmlUrl.TrimEnd('/') + "/installations/new";

    /// <summary>The stored credentials' variables, none when setup has not run.</summary>
    public static Dictionary<string, string?> Read(string dataDir) => DotEnvFile.Read(Path.Combine(dataDir, FileName));

    /// <summary>Writes the credentials, mode 0600 from the first byte, replacing the file in one step.</summary>
    public void Save(string dataDir)
    {
        Directory.CreateDirectory(dataDir);
        var path = Path.Combine(dataDir, FileName);
        var temporary = path + ".tmp";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            // The key on one line with escaped newlines, as PRIVATE_KEY takes it.
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"""
                # The GitHub App '{Slug}' ({HtmlUrl}), registered through /setup. Variables set in the environment win.
                APP_ID={Id}
                WEBHOOK_SECRET={WebhookSecret}
                PRIVATE_KEY="{Pem.Trim().Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}"

                """));
        }

        File.Move(temporary, path, overwrite: true);
    }
}
