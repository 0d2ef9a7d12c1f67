namespace GitHubIncidentApp.Core.Templates;

/// <summary>
/// What all renders of a repository's templates for one delivery may spend together (<see cref="TemplateLimits.DeliveryTimeLimit"/>,
/// <see cref="TemplateLimits.DeliveryMemoryLimit"/>); once it is spent, the rest fall back to the built-in templates.
/// A delivery's renders run one after another, so it needs no lock.
/// </summary>
internal sealed class TemplateBudget(TemplateLimits limits)
{
    /// <summary>How to fix a spent budget, for the problem note.</summary>
    internal const string Fix = "make the repository's templates do less work (shorter loops, less text) or use fewer label templates";

    public TimeSpan TimeLeft { get; private set; } = limits.DeliveryTimeLimit;

    public long BytesLeft { get; private set; } = limits.DeliveryMemoryLimit;

    public bool IsSpent => TimeLeft <= TimeSpan.Zero || BytesLeft <= 0;

    /// <summary>Which part is spent and how to fix it, for templates that were not run.</summary>
    internal string Spent => $"{(TimeLeft <= TimeSpan.Zero ? TimeText : MemoryText)}; {Fix}";

    /// <summary>"this delivery's template time budget (2000 ms for all of the repository's templates together)".</summary>
    internal string TimeText => $"this delivery's template time budget ({limits.DeliveryTimeLimit.TotalMilliseconds:0} ms for all of the repository's templates together)";

    internal string MemoryText => $"this delivery's template memory budget ({TemplateSandbox.Megabytes(limits.DeliveryMemoryLimit)} MB allocated by all of the repository's templates together)";

    internal void Spend(TimeSpan time, long bytes)
    {
        TimeLeft -= time;
        BytesLeft -= bytes;
    }
}
