namespace GitHubIncidentApp.Core.Metrics;

/// <summary>Why a delivery was refused: the <c>reason</c> label of <c>incident_app_deliveries_refused_total</c>.</summary>
public static class MetricsReason
{
    /// <summary>401: missing or wrong token or signature.</summary>
    public const string Auth = "auth";

    /// <summary>415: not sent as application/json.</summary>
    public const string ContentType = "content_type";

    /// <summary>413: over the body size limit.</summary>
    public const string TooLarge = "too_large";

    /// <summary>400 or 422: not a payload the app can read, or one (or a URL) that names no repository by GitHub's rules.</summary>
    public const string BadPayload = "bad_payload";

    /// <summary>403: the token may not reach the repository the delivery names.</summary>
    public const string Scope = "scope";

    /// <summary>503: the inbox holds as many unprocessed deliveries as it takes.</summary>
    public const string InboxFull = "inbox_full";

    /// <summary>503: the inbox could not be written (disk full, database locked).</summary>
    public const string StoreFailed = "store_failed";

    public static readonly IReadOnlyList<string> All = [Auth, ContentType, TooLarge, BadPayload, Scope, InboxFull, StoreFailed];
}
