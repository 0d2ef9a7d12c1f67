using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// Alertmanager repeats a group's unchanged state again and again, so of the identical Alertmanager deliveries
/// waiting at the head of an incident key only the newest needs processing: the older ones are marked done,
/// superseded by it. A changed payload is never skipped (a firing alert that resolved while waiting must still
/// open its issue, a new alert still gets its comment). Only never-claimed deliveries count (one tried before
/// may have opened the issue, and only its retry looks for that on GitHub), and the run ends at the first
/// other waiting delivery of the key (a GitHub event, a timer, a retried delivery), so none is jumped over.
/// </summary>
internal static class InboxCoalescing
{
    private const string Source = Incidents.InboxProcessor.AlertmanagerSource;

    /// <summary>True when a claimable row may supersede the waiting run behind it.</summary>
    public static bool MayCoalesce(string source, string status, int attempts) =>
        source == Source && status == "pending" && attempts == 0;

    /// <summary>
    /// Supersedes the run that <paramref name="head"/> starts, in the caller's transaction; returns the row to
    /// claim instead (the head when nothing newer waits) and how many rows were superseded.
    /// </summary>
    public static async Task<(long Claim, int Superseded)> SupersedeRunAsync(
        DbConnection connection, long head, string key, object now, CancellationToken cancellationToken)
    {
        // Read in C#, not as MIN/MAX subqueries: PostgreSQL answers those by walking the primary key.
        var waiting = await connection.ListAsync(
            """
            SELECT id, source, status, attempts,
                   CASE WHEN payload = (SELECT head.payload FROM inbox head WHERE head.id = @head) THEN 1 ELSE 0 END
            FROM inbox
            WHERE incident_key = @key AND status IN ('pending', 'claimed') AND id > @head
            ORDER BY id;
            """,
            reader => (Id: reader.GetInt64(0), Joins: MayCoalesce(reader.GetString(1), reader.GetString(2), reader.GetInt32(3)) && reader.GetInt32(4) == 1),
            cancellationToken,
            ("@key", key),
            ("@head", head));
        var run = waiting.TakeWhile(row => row.Joins).ToList();
        if (run.Count == 0)
        {
            return (head, 0);
        }

        var claim = run[^1].Id;
        var superseded = await connection.ExecuteAsync(
            """
            UPDATE inbox SET status = 'done', finished_at = @now, superseded_by = @claim
            WHERE incident_key = @key AND id >= @head AND id < @claim
              AND status = 'pending' AND source = @source AND attempts = 0;
            """,
            cancellationToken,
            ("@now", now),
            ("@claim", claim),
            ("@key", key),
            ("@head", head),
            ("@source", Source));
        return (claim, superseded);
    }
}
