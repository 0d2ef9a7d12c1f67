namespace GitHubIncidentApp.Core.Templates;

/// <summary>The sandbox every template render runs in; repository templates are untrusted code.</summary>
public sealed record TemplateLimits
{
    private const long MB = 1024 * 1024;

    public static TemplateLimits Default { get; } = new();

    /// <summary>
    /// For the shipped templates: trusted, bounded by the data they are given, and the last resort, so a
    /// busy machine must not make them time out.
    /// </summary>
    public static TemplateLimits BuiltIn { get; } = new() { TimeLimit = Timeout.InfiniteTimeSpan, MemoryLimit = long.MaxValue };

    /// <summary>
    /// Scriban 7 counts iterations across a whole tree of nested loops, so this covers the built-in body's
    /// loop over alerts times its loop over each alert's labels (about a thousand alerts).
    /// </summary>
    public int LoopLimit { get; init; } = 10_000;
    public int RecursiveLimit { get; init; } = 20;

    /// <summary>Largest string a single value or string operation may produce.</summary>
    public int StringLimit { get; init; } = 100_000;

    /// <summary>Most output a render may write; more is treated as a runaway template.</summary>
    public int OutputLimit { get; init; } = 400_000;

    /// <summary>Wall-clock time of one render; enforced through <c>TemplateContext.CancellationToken</c>, which Scriban checks at every loop step and call.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Bytes one render may allocate, garbage included: within the time limit a loop that grows a string or
    /// an array allocates hundreds of MB.
    /// </summary>
    public long MemoryLimit { get; init; } = 32 * MB;

    /// <summary>
    /// Time all renders of one delivery (title, body, comment and labels) may take together, so a config with
    /// many slow templates costs this much per delivery, not their number times <see cref="TimeLimit"/>.
    /// </summary>
    public TimeSpan DeliveryTimeLimit { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes all renders of one delivery may allocate together.</summary>
    public long DeliveryMemoryLimit { get; init; } = 64 * MB;
}
