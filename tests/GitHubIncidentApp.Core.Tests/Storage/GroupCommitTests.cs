using System.Data.Common;
using GitHubIncidentApp.Core.Storage;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_arriving_while_a_batch_commits_share_the_next_transaction()
    {
        var database = new GatedDatabase();
        var batches = new List<IReadOnlyList<int>>();
        var commit = new GroupCommit<int, string>(database, (_, items, _) =>
        {
            batches.Add(items);
            return Task.FromResult<IReadOnlyList<WriteOutcome<string>>>([.. items.Select(i => new WriteOutcome<string>($"row {i}", null))]);
        });

        var first = commit.WriteAsync(0, CancellationToken.None);
        await database.Entered.Task;
        var later = Enumerable.Range(1, 10).Select(i => commit.WriteAsync(i, CancellationToken.None)).ToList();
        database.Release.SetResult();

        Assert.Equal("row 0", await first);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"row {i}"), await Task.WhenAll(later));
        Assert.Equal(2, database.Transactions);
        Assert.Equal([[0], [.. Enumerable.Range(1, 10)]], batches);
    }

    [Fact]
    public async Task A_failed_transaction_fails_every_caller_in_it_and_an_item_error_only_its_own()
    {
        var database = new GatedDatabase();
        database.Release.SetResult();
        var commit = new GroupCommit<int, string>(database, (_, items, _) =>
            items.Contains(13)
                ? throw new StorageException("disk full")
                : Task.FromResult<IReadOnlyList<WriteOutcome<string>>>(
                    [.. items.Select(i => i < 0 ? new WriteOutcome<string>(null, new InvalidOperationException($"bad {i}")) : new($"row {i}", null))]));

        var failed = await Assert.ThrowsAsync<StorageException>(() => commit.WriteAsync(13, CancellationToken.None));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => commit.WriteAsync(-1, CancellationToken.None));

        Assert.Equal("disk full", failed.Message);
        Assert.Equal("bad -1", refused.Message);
        Assert.Equal("row 2", await commit.WriteAsync(2, CancellationToken.None));
    }

    [Fact]
    public async Task A_caller_that_stops_waiting_does_not_undo_the_write()
    {
        var database = new GatedDatabase();
        var written = new List<int>();
        var commit = new GroupCommit<int, string>(database, (_, items, _) =>
        {
            written.AddRange(items);
            return Task.FromResult<IReadOnlyList<WriteOutcome<string>>>([.. items.Select(i => new WriteOutcome<string>($"row {i}", null))]);
        });
        using var leaving = new CancellationTokenSource();

        var abandoned = commit.WriteAsync(7, leaving.Token);
        await database.Entered.Task;
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        database.Release.SetResult();

        Assert.Equal("row 8", await commit.WriteAsync(8, CancellationToken.None));
        Assert.Equal([7, 8], written);
    }

    /// <summary>Holds the first transaction until released, so callers pile up behind it; counts transactions.</summary>
    private sealed class GatedDatabase : ISqlDatabase
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Transactions { get; private set; }

        public string Location => "gated";

        public bool IsShared => false;

        public string SkipLockedRows => "";

        public string LockKeyUntilCommit => "";

        public Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<T> WriteAheadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
        {
            Transactions++;
            Entered.TrySetResult();
            await Release.Task;
            return await work(null!);
        }

        public Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<int> GetSchemaVersionAsync(CancellationToken cancellationToken) => Task.FromResult(0);

        public object ToDatabaseTime(DateTimeOffset time) => time;

        public DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => throw new NotSupportedException();
    }
}
