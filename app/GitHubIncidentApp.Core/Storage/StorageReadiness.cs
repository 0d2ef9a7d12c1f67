namespace GitHubIncidentApp.Core.Storage;

/// <summary>Whether the storage takes a write in time, for a readiness probe: a stalled disk makes the app not ready instead of hanging the probe.</summary>
public sealed class StorageReadiness(IStorageDatabase database)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Task? _write;

    /// <returns>Null when a probe write ended within <see cref="Timeout"/>, else why the storage is not ready.</returns>
    public async Task<string?> CheckAsync()
    {
        Task write;
        lock (_gate)
        {
            // A write still running from an earlier check is the answer: another would only queue behind it.
            if (_write is null || _write.IsCompleted)
            {
                _write = Task.Run(() => StorageProbe.WriteAsync(database, CancellationToken.None));
            }

            write = _write;
        }

        try
        {
            await write.WaitAsync(Timeout);
            return null;
        }
        catch (TimeoutException)
        {
            return $"storage: a write to {database.Location} did not finish within {Timeout.TotalSeconds:F0} s (a full or stalled disk, or another process holding the database's lock)";
        }
        catch (StorageException ex)
        {
            return $"storage: {ex.Message}";
        }
    }
}
