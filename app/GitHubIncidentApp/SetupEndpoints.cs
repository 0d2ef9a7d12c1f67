using System.Net;
using System.Text.Json;

namespace GitHubIncidentApp;

/// <summary>
/// Probot's setup flow, served while the app has no credentials (<see cref="RunMode.Setup"/>): <c>GET /setup</c> posts
/// the manifest to GitHub, GitHub sends the browser back to <c>GET /setup/callback</c> with a code, which the app
/// exchanges for the new App's credentials, stores, and then restarts itself with (<see cref="SetupState"/>).
/// Everything else answers 503, so Alertmanager keeps what it sends until the app runs.
/// </summary>
public static class SetupEndpoints
{
    public static IEndpointRouteBuilder MapSetup(this IEndpointRouteBuilder app)
    {
        app.MapGet("/livez", () => Results.Json(new { status = "ok" }));
        app.MapGet("/setup", (HttpRequest request, SetupState state, AppSettings settings, string? key, string? org) =>
        {
            if (!state.Opens(key))
            {
                return Page(StatusCodes.Status403Forbidden, "Setup key needed", """
                    <p>Open the setup page with the link the app printed when it started (<code>/setup?key=…</code>).</p>
                    """);
            }

            var manifest = AppManifest.For(PublicUrl(request), settings.WebhookPath);
            var target = AppManifest.NewAppUrl(settings.GitHubApiUrl, string.IsNullOrWhiteSpace(org) ? null : org.Trim(), state.Issue());
            return Page(StatusCodes.Status200OK, "Register the GitHub App", $"""
                <p>This app has no GitHub credentials yet. The button creates its GitHub App from <code>app.yml</code>
                {(org is null ? "on your account (add <code>&amp;org=NAME</code> to this page's address to create it in an organisation)" : $"in the organisation <b>{Html(org)}</b>")};
                GitHub sends you back here and the app starts with it.</p>
                <form method="post" action="{Html(target.AbsoluteUri)}">
                <input type="hidden" name="manifest" value="{Html(manifest.ToJsonString())}">
                <button type="submit" id="register">Register the GitHub App</button>
                </form>
                <p>Webhooks will go to <code>{Html(manifest["hook_attributes"]!["url"]!.GetValue<string>())}</code>: open this page at the address GitHub reaches the app by.</p>
                """);
        });
        app.MapGet(AppManifest.CallbackPath, async (string? code, string? state, SetupState setup, AppSettings settings, IHttpClientFactory clients, HttpContext context) =>
        {
            if (string.IsNullOrEmpty(code) || string.IsNullOrEmpty(state) || !setup.Redeem(state))
            {
                return Page(StatusCodes.Status400BadRequest, "Setup link not valid", """
                    <p>This link was not started by this app, or it was used already (or is over an hour old). Start the setup again from the link the app printed.</p>
                    """);
            }

            var (registration, problem) = await ConvertAsync(clients.CreateClient(), settings.GitHubApiUrl, code, context.RequestAborted);
            if (registration is null)
            {
                return Page(StatusCodes.Status502BadGateway, "GitHub did not hand over the App", $"""
                    <p>{Html(problem!)}</p><p>GitHub's codes last an hour and work once: start the setup again from the link the app printed.</p>
                    """);
            }

            registration.Save(settings.DataDir);
            setup.Complete(context);
            return Page(StatusCodes.Status200OK, "The GitHub App is registered", $"""
                <p>The app now runs as <a href="{Html(registration.HtmlUrl)}">{Html(registration.Slug)}</a> (App id {registration.Id}); its credentials are in
                <code>{Html(Path.Combine(settings.DataDir, AppRegistration.FileName))}</code>, readable by the app's user only: back that file up.</p>
                <p><a id="install" href="{Html(registration.InstallUrl)}">Install it</a> on the accounts whose repositories take incidents.</p>
                """);
        });
        app.MapFallback(() => Results.Json(
            new { status = "setup", mode = AppMode.SetupName, message = "The GitHub App is not registered yet: open the setup link the app printed when it started (/setup?key=…)" },
            statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    /// <summary><c>POST /app-manifests/{code}/conversions</c> (no authentication: the code is the credential).</summary>
    private static async Task<(AppRegistration? Registration, string? Problem)> ConvertAsync(HttpClient client, Uri apiUrl, string code, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(apiUrl, $"app-manifests/{Uri.EscapeDataString(code)}/conversions"));
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("github-incident-app");
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"GitHub answered {(int)response.StatusCode} to the code exchange: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            var registration = await response.Content.ReadFromJsonAsync<AppRegistration>(cancellationToken);
            return registration is { Id: > 0, Pem.Length: > 0, WebhookSecret.Length: > 0 }
                ? (registration, null)
                : (null, "GitHub's answer to the code exchange lacks the App's id, key or webhook secret.");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return (null, $"The code exchange with {apiUrl} failed: {ex.Message}");
        }
    }

    // Behind an ingress that ends TLS the request arrives as http: the proxy's X-Forwarded-* headers say what GitHub
    // must call. Trusted here because only who holds the setup key sees the page, and the manifest shows the URL.
    private static Uri PublicUrl(HttpRequest request)
    {
        var forwardedScheme = request.Headers["X-Forwarded-Proto"].ToString().Split(',')[0].Trim();
        var scheme = forwardedScheme is "https" or "http" ? forwardedScheme : request.Scheme;
        var host = request.Headers["X-Forwarded-Host"].ToString().Split(',')[0].Trim() is { Length: > 0 } forwardedHost ? forwardedHost : request.Host.Value;
        return new Uri($"{scheme}://{host}/");
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Html(title)}: Incident App</title></head>
        <body><h1>{Html(title)}</h1>
        {body}
        </body></html>
        """,
        "text/html; charset=utf-8",
        statusCode: status);
}
