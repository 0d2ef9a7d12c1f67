using System.Net.Http.Headers;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>A delivery's body as sent: its declared type, and its bytes read into memory up to a limit.</summary>
public static class DeliveryBody
{
    /// <summary>
    /// True when the body is declared <c>application/json</c> (a charset or other parameter is fine). Both
    /// senders always declare it, so anything else is a misconfigured sender, or not the sender at all.
    /// </summary>
    public static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && string.Equals(parsed.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is over <paramref name="maxBytes"/> (read no further than that).</summary>
    /// <param name="declaredLength">The length the sender declared, if any: over the limit, nothing is read.</param>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
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
