namespace GitHubIncidentApp.Core.Incidents.Intake;

/// <summary>
/// Wakes one idle inbox worker for each delivery that waits to be processed, and at most every worker at once: a
/// burst of arrivals costs the inbox one look for each, not one from every worker (on PostgreSQL each look is a
/// locking query), and a repeat stored superseded wakes nobody. A wake-up given while no worker waits is kept for the
/// next one that does, so a delivery stored while a worker looks into the inbox is never missed.
/// </summary>
/// <param name="workers">How many workers wait on this signal.</param>
public sealed class InboxSignal(int workers)
{
    private readonly SemaphoreSlim _wakeUps = new(0);

    /// <summary>Two arrivals racing past the cap leave a wake-up too many: one look into the inbox that finds nothing.</summary>
    public void Wake()
    {
        if (_wakeUps.CurrentCount < workers)
        {
            _wakeUps.Release();
        }
    }

    /// <summary>
    /// Waits for a wake-up (true) or the timeout (false), whichever comes first: after a timeout it is time to look for
    /// retries come due.
    /// </summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wakeUps.WaitAsync(timeout, cancellationToken);
}
