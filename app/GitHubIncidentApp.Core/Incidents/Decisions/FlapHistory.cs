namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// A resolution held down (<c>resolve.delay</c>, or a flapping group settling): the alerts resolved at <see cref="At"/>
/// and the issue resolves at <see cref="Until"/> unless the group fires again first.
/// </summary>
/// <param name="Fired">The fingerprints that fired until then: firing again with the same ones changes nothing on the issue.</param>
public sealed record PendingResolve(DateTimeOffset At, DateTimeOffset Until, IReadOnlyList<string> Fired);

/// <summary>
/// A group's recent flaps (resolving, then firing again soon after), kept in the marker; bounded by
/// <see cref="MaxTimes"/>, however long the group flaps.
/// </summary>
public sealed record FlapHistory
{
    /// <summary>One more than the highest threshold a config may set, so that crossing any threshold is seen.</summary>
    public const int MaxTimes = Configuration.FlappingConfig.MaxThreshold + 1;

    /// <summary>When the latest flaps happened, oldest first, at most <see cref="MaxTimes"/>.</summary>
    public required IReadOnlyList<DateTimeOffset> Times { get; init; }

    /// <summary>Every flap this history has seen, for counting them.</summary>
    public int Total { get; init; }

    /// <summary>When the group was found flapping; null while it is not.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Flaps since it was found flapping (the count, where <see cref="Times"/> keeps only the latest).</summary>
    public int Count { get; init; }

    /// <summary>When the issue was last told about the flapping (the announcement, then the summaries).</summary>
    public DateTimeOffset? ToldAt { get; init; }

    /// <summary>Flaps since <see cref="ToldAt"/>, not yet in a comment.</summary>
    public int Untold { get; init; }

    /// <summary>While flapping: when the flapping ends if the group fires on without a flap until then.</summary>
    public DateTimeOffset? QuietAt { get; init; }

    public bool IsFlapping => Since is not null;
}
