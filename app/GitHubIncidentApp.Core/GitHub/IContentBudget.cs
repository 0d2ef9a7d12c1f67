namespace GitHubIncidentApp.Core.GitHub;

/// <summary>
/// The slots in which an installation (a repository owner) may create content, under its
/// <see cref="ContentLimits"/>. A slot is taken when it is asked for, before anyone waits for it, so
/// callers go in the order they asked. Kept in process for one run, or in the database so restarts and
/// replicas share one budget.
/// </summary>
public interface IContentBudget
{
    /// <summary>Takes the earliest slot of <paramref name="installation"/> that keeps it within its limits.</summary>
    Task<ContentSlot> ReserveAsync(string installation, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back a slot whose caller stopped waiting before it came. Never pushes a window over a limit: a slot
    /// taken after this one keeps its time. Best effort: a slot that cannot be given back only runs out within the hour.
    /// </summary>
    Task ReleaseAsync(ContentSlot slot);
}

/// <summary>When the holder of slot <paramref name="Id"/> may send its request for <paramref name="Installation"/>.</summary>
public sealed record ContentSlot(string Installation, DateTimeOffset At, long Id);
