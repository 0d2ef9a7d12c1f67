using System.Globalization;

namespace GitHubIncidentApp.Core.Incidents.Applying;

/// <summary>
/// The inbox delivery being applied, for the one operation that is not idempotent on GitHub: a comment.
/// Each comment of a delivery carries a hidden tag (delivery id and ordinal), so a retry, after a crash or
/// a lost answer, finds the comments its earlier attempt posted and does not post them twice. Ambient
/// (like <see cref="System.Diagnostics.Activity.Current"/>) because every handler and the executor sit
/// between the inbox and the comment; outside a delivery (the Action, tests) there is none.
/// </summary>
public sealed class DeliveryScope
{
    private static readonly AsyncLocal<DeliveryScope?> Ambient = new();

    private int _comments;

    private DeliveryScope(string deliveryId, DateTimeOffset receivedAt, bool retried)
    {
        DeliveryId = deliveryId;
        ReceivedAt = receivedAt;
        Retried = retried;
    }

    public static DeliveryScope? Current => Ambient.Value;

    public string DeliveryId { get; }

    /// <summary>Every comment of the delivery was posted after this, so a retry reads no older ones.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <summary>An earlier attempt may have posted some of this delivery's comments.</summary>
    public bool Retried { get; }

    /// <summary>Makes this delivery the current one until the result is disposed.</summary>
    public static IDisposable Enter(string deliveryId, DateTimeOffset receivedAt, bool retried)
    {
        var previous = Ambient.Value;
        Ambient.Value = new DeliveryScope(deliveryId, receivedAt, retried);
        return new Exit(previous);
    }

    /// <summary>The hidden tag of the delivery's next comment: the same on every attempt, as attempts decide alike.</summary>
    public string NextCommentTag() =>
        $"<!-- incident-app:comment {DeliveryId}/{Interlocked.Increment(ref _comments).ToString(CultureInfo.InvariantCulture)} -->";

    private sealed class Exit(DeliveryScope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
