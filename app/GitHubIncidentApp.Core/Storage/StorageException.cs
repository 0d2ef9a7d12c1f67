namespace GitHubIncidentApp.Core.Storage;

/// <summary>
/// The database cannot be used: the message names the file and says what to do, so a host can
/// print it as is (at start-up) or answer 503 (while running).
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
