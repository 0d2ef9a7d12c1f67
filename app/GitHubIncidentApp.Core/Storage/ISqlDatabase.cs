using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// What the shared inbox and index SQL needs from a database: connections, and how it stores times.
/// Everything else (the statements, the row mapping) is the same for SQLite and PostgreSQL.
/// </summary>
internal interface ISqlDatabase : IStorageDatabase
{
    /// <summary>Runs <paramref name="work"/> on a fresh connection; database errors become a <see cref="StorageException"/>.</summary>
    Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in a transaction, committed when it returns.</summary>
    Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Like <see cref="WriteAsync"/>, for a write someone waits on for an answer: ahead of background writes waiting in this process.</summary>
    Task<T> WriteAheadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>The parameter value that stores <paramref name="time"/>.</summary>
    object ToDatabaseTime(DateTimeOffset time);

    DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>
    /// Appended to the claim's choice of a row: lets concurrent claimers pass over a row another transaction
    /// is claiming instead of waiting for it. Empty where writers are serialized anyway.
    /// </summary>
    string SkipLockedRows { get; }

    /// <summary>
    /// A statement that makes write transactions binding the same <c>@key</c> take turns until they commit.
    /// Empty where writers are serialized anyway.
    /// </summary>
    string LockKeyUntilCommit { get; }
}
