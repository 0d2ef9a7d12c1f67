using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Testing;
using GitHubIncidentApp.Testing.FakeGitHub;

namespace GitHubIncidentApp.Tests;

/// <summary>Signed GitHub webhook deliveries, made from the recorded payloads.</summary>
public static class Webhooks
{
    public const string DefaultPath = "api/github/webhooks";

    public static string Sign(byte[] body, string secret = RunningApp.WebhookSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(
        Uri baseUrl, string eventName, byte[] body, string? signature, string deliveryId, string path = DefaultPath, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        if (signature is not null)
        {
            request.Headers.Add("X-Hub-Signature-256", signature);
        }

        using var client = new HttpClient { BaseAddress = baseUrl };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>An <c>issue_comment.created</c> payload for a comment on the fake issue, as GitHub would send it.</summary>
    public static byte[] Comment(FakeRepo repo, FakeIssue issue, FakeComment comment, bool senderIsBot = false) =>
        Encoding.UTF8.GetBytes(GitHubPayloads.Comment(repo, issue, comment, senderIsBot));

    /// <summary>An <c>issues</c> payload (closed, reopened, labeled, ...) for the fake issue as it is now.</summary>
    public static byte[] IssueChange(string action, FakeRepo repo, FakeIssue issue, string sender, string? label = null) =>
        Encoding.UTF8.GetBytes(GitHubPayloads.IssueChange(action, repo, issue, sender, label));
}
