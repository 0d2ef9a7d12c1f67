namespace GitHubIncidentApp;

/// <summary>Wakes every idle inbox worker when a delivery arrives, so they need not poll often.</summary>
public sealed class InboxSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>
    /// Completes at the next <see cref="Wake"/>. Take it before looking into the inbox: a delivery
    /// stored after that look still wakes the worker.
    /// </summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Wake() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Waits for <paramref name="next"/> (from <see cref="Next"/>) or the timeout, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await next.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Nothing arrived: time to look for retries that have come due.
        }
    }

    // Continuations run elsewhere, not inside the request that called Wake.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
