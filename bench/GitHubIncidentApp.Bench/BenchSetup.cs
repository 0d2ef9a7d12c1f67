using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Bench;

/// <summary>
/// What every scenario shares: runs per figure, GitHub's latency, and where the app keeps its data (SQLite in a
/// temp data directory, or with <c>--storage postgres</c> a fresh database on a private PostgreSQL server).
/// </summary>
internal sealed class BenchSetup : IDisposable
{
    private readonly PostgresServer? _postgres;

    private BenchSetup(int runs, TimeSpan latency, PostgresServer? postgres)
    {
        Runs = runs;
        Latency = latency;
        _postgres = postgres;
    }

    public int Runs { get; }

    /// <summary>How long the fake GitHub waits before it answers each request.</summary>
    public TimeSpan Latency { get; }

    public string StorageName => _postgres is null ? "SQLite" : "PostgreSQL";

    public static BenchSetup From(BenchArgs args)
    {
        var runs = args.Positive("--runs", 3);
        var latency = TimeSpan.FromMilliseconds(args.Int("--latency-ms", 300));
        var postgres = args.Choice("--storage", "sqlite", "postgres") == "postgres" ? new PostgresServer() : null;
        return new BenchSetup(runs, latency, postgres);
    }

    /// <summary>A fresh, empty place for one app's data.</summary>
    public async Task<BenchStorage> NewStorageAsync() =>
        new(Directory.CreateTempSubdirectory("incident-app-bench-").FullName, _postgres is null ? null : await _postgres.CreateDatabaseAsync());

    public void Dispose() => _postgres?.Dispose();
}
