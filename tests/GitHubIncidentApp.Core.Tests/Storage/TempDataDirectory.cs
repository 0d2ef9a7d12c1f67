using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

/// <summary>A fresh directory per test for real SQLite files; deleted, pooled connections first, on dispose.</summary>
public sealed class TempDataDirectory : IDisposable
{
    private readonly List<SqliteDatabase> databases = [];

    public string Path { get; } =
        System.IO.Path.Combine(System.IO.Path.GetTempPath(), "incident-app-storage-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => System.IO.Path.Combine(Path, "incidents.db");

    /// <summary>A database on <see cref="DatabasePath"/> (a second call plays a restarted process), migrated.</summary>
    public async Task<SqliteDatabase> OpenMigratedAsync()
    {
        var database = Track(new SqliteDatabase(DatabasePath));
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    public SqliteDatabase Track(SqliteDatabase database)
    {
        databases.Add(database);
        return database;
    }

    public void Dispose()
    {
        databases.ForEach(database => database.Dispose());
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
