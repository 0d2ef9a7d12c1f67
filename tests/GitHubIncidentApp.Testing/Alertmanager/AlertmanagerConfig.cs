using System.Globalization;
using System.Text.Json;

namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>
/// Writes alertmanager.yml as JSON (YAML is a superset of JSON), so URLs and tokens need no YAML escaping.
/// </summary>
internal static class AlertmanagerConfig
{
    private const string ReceiverName = "webhook";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Render(Uri webhookUrl, string bearerToken, AlertmanagerOptions options)
    {
        var config = new
        {
            Global = new { ResolveTimeout = Duration(options.ResolveTimeout) },
            Route = new
            {
                Receiver = ReceiverName,
                options.GroupBy,
                GroupWait = Duration(options.GroupWait),
                GroupInterval = Duration(options.GroupInterval),
                RepeatInterval = Duration(options.RepeatInterval),
            },
            Receivers = new[]
            {
                new
                {
                    Name = ReceiverName,
                    WebhookConfigs = new[]
                    {
                        new
                        {
                            Url = webhookUrl.AbsoluteUri,
                            SendResolved = true,
                            options.MaxAlerts,
                            HttpConfig = new { Authorization = new { Type = "Bearer", Credentials = bearerToken } },
                        },
                    },
                },
            },
        };
        return JsonSerializer.Serialize(config, SnakeCase);
    }

    // Prometheus durations accept a bare "<n>ms", which represents any TimeSpan a test needs.
    private static string Duration(TimeSpan value) =>
        ((long)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
}
