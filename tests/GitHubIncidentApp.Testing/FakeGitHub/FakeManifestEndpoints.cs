using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// GitHub's App manifest flow: the web page a manifest is posted to (<c>/settings/apps/new</c>, or an organisation's),
/// which here creates the App at once, as if its owner had pressed "Create", and sends the browser to the manifest's
/// <c>redirect_url</c> with a code and the caller's <c>state</c>; and <c>POST /app-manifests/{code}/conversions</c>,
/// which trades a code (once) for the App's id, key and webhook secret. The App is the server's own (<see cref="FakeGitHubServer.AppId"/>).
/// </summary>
internal static class FakeManifestEndpoints
{
    public static void MapFakeManifestEndpoints(this IEndpointRouteBuilder app, FakeGitHubServer server)
    {
        app.MapPost("/settings/apps/new", (HttpRequest request) => Create(request, server, null));
        app.MapPost("/organizations/{org}/settings/apps/new", (HttpRequest request, string org) => Create(request, server, org));
        app.MapPost("/app-manifests/{code}/conversions", (string code) =>
        {
            if (!server.RedeemManifestCode(code))
            {
                return FakeResults.NotFound();
            }

            return FakeResults.Json(
                new JsonObject
                {
                    ["id"] = server.AppId,
                    ["slug"] = FakeGitHubServer.AppSlug,
                    ["name"] = server.RegisteredManifest?["name"]?.GetValue<string>(),
                    ["html_url"] = new Uri(server.BaseUrl, $"apps/{FakeGitHubServer.AppSlug}").AbsoluteUri,
                    ["pem"] = server.AppPrivateKeyPem,
                    ["webhook_secret"] = server.ManifestWebhookSecret,
                    ["client_id"] = "Iv1.fake",
                    ["client_secret"] = "fake-client-secret",
                },
                StatusCodes.Status201Created);
        });
    }

    private static IResult Create(HttpRequest request, FakeGitHubServer server, string? org)
    {
        // The recorder has read the body already: the form is parsed from its copy.
        var form = QueryHelpers.ParseQuery((string)request.HttpContext.Items[FakeRequestBody.ItemKey]!);
        JsonObject? manifest;
        try
        {
            manifest = JsonNode.Parse(form.GetValueOrDefault("manifest").ToString()) as JsonObject;
        }
        catch (JsonException)
        {
            manifest = null;
        }

        if (manifest?["redirect_url"]?.GetValue<string>() is not { } redirect || manifest["name"] is null || manifest["hook_attributes"]?["url"] is null)
        {
            return Results.BadRequest("The manifest needs name, hook_attributes.url and redirect_url.");
        }

        var code = server.IssueManifestCode(manifest, org);
        var state = request.Query["state"].ToString();
        return Results.Redirect($"{redirect}?code={Uri.EscapeDataString(code)}&state={Uri.EscapeDataString(state)}");
    }

    /// <summary>A code as GitHub's look: 20 hex characters.</summary>
    public static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));
}
