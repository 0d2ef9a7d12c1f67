namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>
/// What the fake server does to a request's connection around answering it: slows it down, cuts it, or holds
/// the answer back. Unlike a <see cref="FakeFault"/>, the request may still take effect.
/// </summary>
public sealed record FakeDisruption
{
    /// <summary>Real time the server waits before handling the request.</summary>
    public TimeSpan Delay { get; init; }

    public FakeCut Cut { get; init; }

    /// <summary>The request is handled (its effect happens), and its answer sent only once this task completes.</summary>
    public Task? HoldAnswerUntil { get; init; }

    public static FakeDisruption Slow(TimeSpan delay) => new() { Delay = delay };

    public static FakeDisruption CutConnection(FakeCut where) => new() { Cut = where };

    public static FakeDisruption HoldAnswer(Task until) => new() { HoldAnswerUntil = until };
}
