using System.Data.Common;

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
    private const string Source = Incidents.InboxProcessor.AlertmanagerSource;

    /// <summary>
    /// The waiting delivery that supersedes <paramref name="item"/> on arrival: the newest waiting delivery of its key,
    /// when that is an Alertmanager delivery with the same payload; null when <paramref name="item"/> must be processed.
    /// </summary>
    public static async Task<long?> SupersedingOnArrivalAsync(DbConnection connection, InboxItem item, CancellationToken cancellationToken)
    {
        if (item.Source != Source)
        {
            return null;
        }

        var newest = await connection.ListAsync(
            """
            SELECT id, source, payload FROM inbox
            WHERE incident_key = @key AND status IN ('pending', 'claimed')
            ORDER BY id DESC
            LIMIT 1;
            """,
            reader => (Id: reader.GetInt64(0), Same: reader.GetString(1) == Source && reader.GetString(2) == item.Payload),
            cancellationToken,
            ("@key", item.IncidentKey));
        return newest is [{ Same: true } row] ? row.Id : null;
    }
}
