using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace GitHubIncidentApp.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests: initdb in a temp dir, listening on 127.0.0.1 only (and a unix
/// socket inside the temp dir), fsync off for speed; stopped and deleted on dispose. TCP logins need the
/// password (scram-sha-256), so tests can also see a wrong one refused. Share one per test assembly (an
/// xunit collection fixture: the constructor starts it) and give each test its own database.
/// </summary>
/// <remarks>
/// initdb and postgres refuse to run as root, so as root every server program runs as the <c>postgres</c>
/// account (which Debian's package creates) through runuser, in a temp dir chowned to it.
/// </remarks>
public sealed class PostgresServer : IDisposable
{
    public const string Superuser = "postgres";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string binDirectory;
    private readonly string directory;
    private readonly bool asPostgresUser = Environment.IsPrivilegedProcess;
    private readonly string password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private int databaseCount;

    public PostgresServer()
    {
        binDirectory = PostgresBinaries.Locate();
        directory = Directory.CreateTempSubdirectory("postgres-").FullName;
        try
        {
            InitializeDataDirectory();
            Port = StartOnFreePort();
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(directory, "data");

    private string LogFile => Path.Combine(directory, "server.log");

    /// <summary>
    /// The DATABASE_URL of a database on this server. <paramref name="wrongPassword"/> gives one the server refuses.
    /// </summary>
    public string Url(string database, string? wrongPassword = null) =>
        $"postgres://{Superuser}:{wrongPassword ?? password}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/{database}";

    /// <summary>A new empty database; returns its DATABASE_URL.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"test_{Interlocked.Increment(ref databaseCount).ToString(CultureInfo.InvariantCulture)}";
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = Superuser,
            Password = password,
            Database = "postgres",
            Pooling = false,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return Url(name);
    }

    /// <summary>What the server logged so far; put it in assertion messages.</summary>
    public string Log => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        // Immediate: the data is thrown away, no need for a clean shutdown.
        Run("pg_ctl", "stop", "-D", DataDirectory, "-m", "immediate", "-w");
        Directory.Delete(directory, recursive: true);
    }

    private void InitializeDataDirectory()
    {
        var passwordFile = Path.Combine(directory, "password");
        File.WriteAllText(passwordFile, password);
        if (asPostgresUser)
        {
            RunProgram("chown", "-R", $"{Superuser}:", directory);
        }

        Run(
            "initdb",
            "-D", DataDirectory,
            "-U", Superuser,
            $"--pwfile={passwordFile}",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync");
        File.Delete(passwordFile);
    }

    /// <summary>The probed port can be taken before the server binds it; one more try on a new port covers that race.</summary>
    private int StartOnFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            var options = string.Join(
                ' ',
                $"-p {port.ToString(CultureInfo.InvariantCulture)}",
                "-c listen_addresses=127.0.0.1",
                $"-k {directory}",
                // Throwaway data: durability buys nothing and costs seconds.
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off",
                "-c max_connections=300");
            try
            {
                Run("pg_ctl", "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", StartTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture), "-o", options);
                return port;
            }
            catch (InvalidOperationException) when (attempt == 1 && Log.Contains("could not bind", StringComparison.Ordinal))
            {
                File.Delete(LogFile);
            }
        }
    }

    private void Run(string program, params string[] arguments)
    {
        var path = Path.Combine(binDirectory, program);
        if (asPostgresUser)
        {
            RunProgram("runuser", ["-u", Superuser, "--", path, .. arguments]);
        }
        else
        {
            RunProgram(path, arguments);
        }
    }

    private void RunProgram(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Cannot start {program}.");
        // Read both streams to the end before waiting, so a full pipe never blocks the program.
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var asUser = asPostgresUser ? $" (as the '{Superuser}' user, since tests run as root and PostgreSQL refuses root)" : "";
            throw new InvalidOperationException(
                $"`{program} {string.Join(' ', arguments)}`{asUser} exited with code {process.ExitCode}.\n" +
                $"Output:\n{output}\nErrors:\n{error.Result}\nServer log:\n{Log}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
