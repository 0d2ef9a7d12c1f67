using Microsoft.Data.Sqlite;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>Turns SQLite result codes into messages that say which file and what to do.</summary>
internal static class SqliteErrors
{
    // Primary result codes, https://sqlite.org/rescode.html
    private const int Perm = 3;
    private const int Busy = 5;
    private const int Locked = 6;
    private const int ReadOnly = 8;
    private const int IoErr = 10;
    private const int Corrupt = 11;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int Auth = 23;
    private const int NotADb = 26;

    public static string Describe(SqliteException exception, string path) =>
        (exception.SqliteErrorCode & 0xFF) switch
        {
            NotADb => $"The file '{path}' is not a SQLite database. Move it away, or point DATA_DIR at another directory.",
            Corrupt => $"The database '{path}' is corrupt ({exception.Message}). Restore it from a backup, or move it away " +
                "to start empty (the incident index is rebuilt from the issues; undelivered inbox rows are lost).",
            CantOpen => $"Cannot open the database '{path}' ({exception.Message}). Check that its directory exists and that " +
                "the app's user may create and write files in it (SQLite also writes '-wal' and '-shm' files beside it).",
            ReadOnly or Perm or Auth => $"The database '{path}' is read-only for the app ({exception.Message}). Give the app's " +
                "user write access to the file and its directory.",
            Full => $"The disk holding the database '{path}' is full. Free some space.",
            IoErr => $"Reading or writing the database '{path}' failed ({exception.Message}). Check the disk and the file system.",
            Busy or Locked => $"The database '{path}' stayed locked by another connection ({exception.Message}). " +
                "Make sure only one app instance uses this DATA_DIR (several replicas share a PostgreSQL database instead: DATABASE_URL).",
            _ => $"The database '{path}' failed: {exception.Message}",
        };
}
