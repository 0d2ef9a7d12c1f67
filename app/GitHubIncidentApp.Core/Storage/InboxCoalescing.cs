namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Alertmanager repeats a group's unchanged state again and again. A repeat identical to the newest delivery
/// waiting for its incident (pending, being processed or waiting for a retry: processing that one is processing
/// this one) is stored done on arrival, superseded by it, so a storm of repeats forms no backlog and costs the
/// workers nothing. A changed payload is never skipped (a firing alert that resolved while waiting must still open
/// its issue, a new alert still gets its comment), nor is a repeat behind another kind of delivery of its key (a
/// GitHub event, a timer): it comes after them in order. Two replicas storing the same repeat at once may both keep
/// it; processing an unchanged repeat costs no GitHub call.
/// </summary>
internal static class InboxCoalescing
{
    private const string Source = InboxSources.Alertmanager;

    /// <summary>
    /// A common table expression <c>superseding</c> holding the waiting delivery that supersedes the one being stored
    /// (<c>@source</c>, <c>@key</c>, <c>@payload</c>): the newest waiting delivery of its key, when both are Alertmanager
    /// deliveries with the same payload; no row when the new one must be processed.
    /// </summary>
    public const string Superseding =
        $"""
        superseding AS (
            SELECT id FROM inbox
            WHERE id = (
                SELECT id FROM inbox
                WHERE incident_key = @key AND status IN ('pending', 'claimed')
                ORDER BY id DESC
                LIMIT 1)
              AND @source = '{Source}' AND source = '{Source}' AND payload = @payload)
        """;
}
