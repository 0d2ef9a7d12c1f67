using Npgsql;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// <see cref="IIncidentLocks"/> shared by every replica on one PostgreSQL database: a session advisory
/// lock per key, on a connection of its own, so it ends when its holder lets go or its replica dies.
/// </summary>
public sealed class PostgresIncidentLocks(PostgresDatabase database) : IIncidentLocks
{
    // 64-bit hash of the key: advisory locks take numbers, and a collision only makes two incidents wait on each other.
    private const string Lock = "SELECT pg_advisory_lock(hashtextextended(@key, 0));";
    private const string Unlock = "SELECT pg_advisory_unlock(hashtextextended(@key, 0));";

    public async Task<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var session = await database.OpenSessionAsync(cancellationToken);
        try
        {
            await session.ExecuteAsync(Lock, cancellationToken, ("@key", key));
            return new Held(session, key);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection session, string key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await session.ExecuteAsync(Unlock, CancellationToken.None, ("@key", key));
            }
            catch (NpgsqlException)
            {
                // The session broke: the server ended it, and its locks with it.
            }
            finally
            {
                await session.DisposeAsync();
            }
        }
    }
}
