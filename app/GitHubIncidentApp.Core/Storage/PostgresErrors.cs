using System.Net.Sockets;
using System.Security.Authentication;
using Npgsql;

namespace GitHubIncidentApp.Core.Storage;

/// <summary>Turns Npgsql failures into messages that say which server and what to fix in DATABASE_URL or on the server.</summary>
internal static class PostgresErrors
{
    public static string Describe(NpgsqlException exception, NpgsqlConnectionStringBuilder connection, string location)
    {
        var server = $"{connection.Host}:{connection.Port}";
        if (exception is PostgresException postgres)
        {
            return postgres.SqlState switch
            {
                PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification =>
                    $"PostgreSQL at {server} refused the user '{connection.Username}' ({postgres.MessageText}). Check the user name " +
                    "and password in DATABASE_URL (percent-encode special characters), and that pg_hba.conf lets this user in from the app's address.",
                PostgresErrorCodes.InvalidCatalogName =>
                    $"The database '{connection.Database}' does not exist on the PostgreSQL server at {server}. Create it " +
                    $"(CREATE DATABASE \"{connection.Database}\" OWNER \"{connection.Username}\";) or fix the database name in DATABASE_URL.",
                PostgresErrorCodes.InsufficientPrivilege =>
                    $"The user '{connection.Username}' may not do what the app needs in '{location}' ({postgres.MessageText}). Let it create " +
                    "tables in the database's public schema (make it the database's owner), or use a user that may.",
                PostgresErrorCodes.TooManyConnections =>
                    $"The PostgreSQL server at {server} has no free connections ({postgres.MessageText}). Raise its max_connections, " +
                    "run fewer replicas, or put a connection pooler (such as PgBouncer) in front of it.",
                PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.AdminShutdown =>
                    $"The PostgreSQL server at {server} is starting up or shutting down ({postgres.MessageText}). Wait for it, then try again.",
                _ => $"PostgreSQL at '{location}' failed: {postgres.MessageText} (SQLSTATE {postgres.SqlState}).",
            };
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return $"Nothing accepts connections at {server} (connection refused). Check the host and port in DATABASE_URL, " +
                        "and that PostgreSQL runs there and listens on that address (listen_addresses, port).";
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                    return $"The host '{connection.Host}' in DATABASE_URL cannot be resolved. Check its spelling and the app's DNS.";
                case TimeoutException:
                    return $"Connecting to PostgreSQL at {server} timed out. Check the host and port in DATABASE_URL, and that no firewall drops the connection.";
                case AuthenticationException:
                    return $"The TLS handshake with PostgreSQL at {server} failed ({inner.Message}). Check sslmode in DATABASE_URL " +
                        "(verify-ca and verify-full need the server's CA certificate installed on the app's machine).";
            }
        }

        return $"PostgreSQL at '{location}' failed: {exception.Message}";
    }
}
