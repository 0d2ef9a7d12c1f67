using System.Data.Common;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>Command helpers over ADO.NET's base types, so the same SQL runs on SQLite and PostgreSQL.</summary>
internal static class SqlCommands
{
    /// <summary>A command in the connection's current transaction; a null value binds as SQL NULL.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        Bind(command.Parameters, command.CreateParameter, parameters);
        return command;
    }

    public static async Task<int> ExecuteAsync(
        this DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task<object?> ScalarAsync(
        this DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Every row of the query, mapped by <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(
        this DbConnection connection, string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="sql"/> once per parameter set, all sent in one round trip; each statement's rows, mapped by
    /// <paramref name="read"/>, in order. Only where <see cref="DbConnection.CanCreateBatch"/>.
    /// </summary>
    public static async Task<IReadOnlyList<IReadOnlyList<T>>> BatchAsync<T>(
        this DbConnection connection, string sql, IReadOnlyList<(string Name, object? Value)[]> parameterSets, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        foreach (var parameters in parameterSets)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            Bind(command.Parameters, command.CreateParameter, parameters);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var results = new List<IReadOnlyList<T>>(parameterSets.Count);
        do
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            results.Add(rows);
        }
        while (await reader.NextResultAsync(cancellationToken));

        return results.Count == parameterSets.Count
            ? results
            : throw new InvalidOperationException($"A batch of {parameterSets.Count} statements answered with {results.Count} results.");
    }

    private static void Bind(DbParameterCollection bound, Func<DbParameter> create, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            bound.Add(parameter);
        }
    }
}
