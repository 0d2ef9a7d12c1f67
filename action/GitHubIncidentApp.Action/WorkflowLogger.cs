using Microsoft.Extensions.Logging;

namespace GitHubIncidentApp.Action;

/// <summary>
/// The core's log lines as plain step log lines (debug ones only when the run has step debugging on).
/// Failures are reported by the runner itself as <c>::error::</c>, so logging never annotates twice.
/// </summary>
public sealed class WorkflowLoggerFactory(WorkflowCommands commands) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new WorkflowLogger(commands);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public void AddProvider(ILoggerProvider provider) =>
        throw new NotSupportedException("The Action logs only to the workflow's step log.");

    public void Dispose()
    {
    }

    private sealed class WorkflowLogger(WorkflowCommands commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var message = formatter(state, exception);
            if (logLevel <= LogLevel.Debug)
            {
                commands.Debug(message);
            }
            else
            {
                commands.Info(logLevel >= LogLevel.Warning ? $"{logLevel.ToString().ToLowerInvariant()}: {message}" : message);
            }
        }
    }
}
