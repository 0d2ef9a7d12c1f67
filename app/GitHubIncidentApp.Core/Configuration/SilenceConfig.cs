namespace GitHubIncidentApp.Core.Configuration;

/// <summary>How <c>/silence</c> behaves in a repository (<c>silence:</c>).</summary>
public sealed record SilenceConfig
{
    /// <summary>The app's own bound on a silence from an issue; a repository's config may only lower it.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    /// <summary>The longest silence <c>/silence</c> sets here.</summary>
    public TimeSpan MaxDuration { get; init; } = Longest;
}
