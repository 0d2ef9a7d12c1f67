using System.Net.Http.Headers;

namespace GitHubIncidentApp;

/// <summary>Reads a request body into memory, up to a limit.</summary>
public static class RequestBody
{
    /// <summary>
    /// True when the body is declared <c>application/json</c> (a charset or other parameter is fine). Both
    /// senders always declare it, so anything else is a misconfigured sender, or not the sender at all.
    /// </summary>
    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
        && string.Equals(contentType.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is over <paramref name="maxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
