using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Tests;

/// <summary>
/// Everything the app logs, at every level and in every category (the app's own filters lifted), with scopes
/// and exceptions written out as a log sink would: for tests that look for crashes and leaked secrets.
/// </summary>
public sealed class HostileLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<HostileLogEntry> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<HostileLogEntry> Entries => [.. _entries];

    /// <summary>Adds the capture to the app's services; pass to <see cref="RunningApp.StartAsync"/>.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<ILoggerProvider>(this);
        services.Configure<LoggerFilterOptions>(options =>
        {
            options.MinLevel = LogLevel.Trace;
            options.Rules.Clear();
        });
    }

    /// <summary>
    /// Entries that show something went wrong: errors, and warnings that carry an exception. Kestrel's debug
    /// entries about a client that hung up early (after an early 401 or 413) are no fault of the app.
    /// </summary>
    public IReadOnlyList<HostileLogEntry> Failures => [.. Entries.Where(e => e.Level >= LogLevel.Error || (e.Level >= LogLevel.Warning && e.Exception is not null))];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(HostileLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => log._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new StringBuilder();
            log._scopes.ForEachScope((scope, text) => text.Append(" => ").Append(Describe(scope)), scopes);
            log._entries.Enqueue(new HostileLogEntry(category, logLevel, formatter(state, exception) + scopes, exception));
        }

        /// <summary>Scopes as a JSON sink writes them: dictionaries by their values.</summary>
        private static string? Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object>> pairs
            ? string.Join(", ", pairs.Select(pair => $"{pair.Key}={pair.Value}"))
            : scope?.ToString();
    }
}

/// <summary>One captured log entry; <see cref="ToString"/> is all of it, the exception's text included.</summary>
public sealed record HostileLogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : "\n" + Exception)}";
}
