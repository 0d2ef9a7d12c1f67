namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>One request the fake server received, with the status it answered.</summary>
public sealed record RecordedRequest
{
    public required string Method { get; init; }

    /// <summary>The path as sent, e.g. <c>/repos/acme/api/issues</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string including <c>?</c>, or empty.</summary>
    public required string Query { get; init; }
    public required string Body { get; init; }
    public required string? Authorization { get; init; }

    /// <summary>When the server received it, on the server's clock.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>1 for the first request the server received, 2 for the next, ...</summary>
    public long Arrival { get; init; }

    /// <summary>
    /// How many requests had arrived when this one was answered: one with a higher <see cref="Arrival"/> was
    /// sent after, and its client could have known the answer; one with a lower or equal one was under way.
    /// </summary>
    public long ArrivalsWhenAnswered { get; init; }

    /// <summary>0 while the request is being handled (as seen by <see cref="FakeGitHubServer.FailWith"/>), or when it was cut before handling.</summary>
    public int StatusCode { get; init; }

    /// <summary>Where the connection was cut instead of answering; the client never saw <see cref="StatusCode"/>.</summary>
    public FakeCut Cut { get; init; }

    public override string ToString() => $"{Method} {Path}{Query} -> {StatusCode}{(Cut == FakeCut.None ? "" : $" (cut {Cut})")}";
}
