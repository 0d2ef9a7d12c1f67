using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp;

/// <summary>
/// The GitHub App manifest the setup page posts to GitHub: <c>app.yml</c> (built into the app) with this app's public
/// URL as the webhook URL and the setup callback as the redirect, and where on GitHub's web side to post it.
/// </summary>
public static class AppManifest
{
    public const string CallbackPath = "/setup/callback";

    /// <summary>The manifest as GitHub takes it (JSON), for an app reached at <paramref name="publicUrl"/>.</summary>
    public static JsonObject For(Uri publicUrl, string webhookPath)
    {
        using var stream = typeof(AppManifest).Assembly.GetManifestResourceStream("app.yml")!;
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var manifest = (JsonObject)ToJson(yaml.Documents[0].RootNode);
        var root = publicUrl.GetLeftPart(UriPartial.Authority);
        var hook = manifest["hook_attributes"] as JsonObject ?? [];
        hook["url"] = root + webhookPath;
        manifest["hook_attributes"] = hook;
        manifest["redirect_url"] = root + CallbackPath;
        return manifest;
    }

    /// <summary>
    /// GitHub's web side for an API base: github.com for api.github.com, the server for a GitHub Enterprise Server's
    /// <c>/api/v3/</c>, else the API's own host (a test's fake GitHub serves both).
    /// </summary>
    public static Uri WebUrl(Uri apiUrl) =>
        apiUrl.Host == "api.github.com" ? new Uri("https://github.com/")
        : apiUrl.AbsolutePath.EndsWith("/api/v3/", StringComparison.Ordinal) ? new Uri(apiUrl, "../../")
        : new Uri(apiUrl.GetLeftPart(UriPartial.Authority) + "/");

    /// <summary>Where the setup form posts the manifest: the user's account, or <paramref name="organization"/>'s.</summary>
    public static Uri NewAppUrl(Uri apiUrl, string? organization, string state) =>
        new(WebUrl(apiUrl), (organization is null ? "settings/apps/new" : $"organizations/{Uri.EscapeDataString(organization)}/settings/apps/new") + $"?state={Uri.EscapeDataString(state)}");

    // YAML's plain true/false are JSON booleans ("public: false"); every other scalar stays a string.
    private static JsonNode ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(pair => KeyValuePair.Create(((YamlScalarNode)pair.Key).Value!, (JsonNode?)ToJson(pair.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(item => (JsonNode?)ToJson(item)).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "true" or "false" } scalar => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => throw new InvalidDataException($"app.yml holds a YAML node the manifest cannot take: {node.NodeType}"),
    };
}
