using System.Text.Json;

namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Finds the Alertmanager webhook body in a dispatch event. <c>repository_dispatch</c> (event type
/// <c>alertmanager</c>) carries it in <c>client_payload</c>, either as is or wrapped as
/// <c>{"payload": body}</c> (GitHub allows only 10 top-level keys there); <c>workflow_dispatch</c>
/// carries it as JSON text in the <c>payload</c> input.
/// </summary>
public static class DispatchPayload
{
    public const string DispatchType = "alertmanager";
    public const string PayloadKey = "payload";

    /// <returns>The body as UTF-8 JSON; or null with the reason (Ignored when the event is not for this action).</returns>
    public static (byte[]? Json, string? Problem, bool Ignored) Find(string eventName, JsonElement root)
    {
        if (eventName == "workflow_dispatch")
        {
            return root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                && inputs.TryGetProperty(PayloadKey, out var text) && text.ValueKind == JsonValueKind.String
                ? (System.Text.Encoding.UTF8.GetBytes(text.GetString()!), null, false)
                : (null, $"the workflow_dispatch event has no '{PayloadKey}' input: declare 'on: workflow_dispatch: inputs: {PayloadKey}:' and pass the Alertmanager webhook body as JSON text", false);
        }

        if (eventName != "repository_dispatch")
        {
            return (null, $"'{eventName}' events carry no Alertmanager payload: use repository_dispatch (type '{DispatchType}') or workflow_dispatch (input '{PayloadKey}')", false);
        }

        var type = root.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.String ? action.GetString() : null;
        if (type != DispatchType)
        {
            return (null, $"the repository_dispatch event type is '{type}', not '{DispatchType}': nothing to do", true);
        }

        if (!root.TryGetProperty("client_payload", out var client) || client.ValueKind != JsonValueKind.Object)
        {
            return (null, $"the repository_dispatch event has no client_payload object: send the Alertmanager webhook body as client_payload, or as client_payload.{PayloadKey}", false);
        }

        var body = client.TryGetProperty(PayloadKey, out var wrapped) ? wrapped : client;
        return body.ValueKind == JsonValueKind.String
            ? (System.Text.Encoding.UTF8.GetBytes(body.GetString()!), null, false)
            : (JsonSerializer.SerializeToUtf8Bytes(body), null, false);
    }
}
