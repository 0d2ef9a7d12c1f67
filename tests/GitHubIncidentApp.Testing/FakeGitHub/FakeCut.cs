namespace GitHubIncidentApp.Testing.FakeGitHub;

/// <summary>Where the fake server cuts a request's connection instead of answering it.</summary>
public enum FakeCut
{
    None,

    /// <summary>Before handling: the request has no effect, and the client hears nothing.</summary>
    BeforeHandling,

    /// <summary>After handling: the effect happened (an issue was opened), but the client never hears of it.</summary>
    AfterHandling,
}
