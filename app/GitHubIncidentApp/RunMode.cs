namespace GitHubIncidentApp;

/// <summary>How the app reaches GitHub, as <see cref="AppMode"/> decides it from the settings.</summary>
public enum RunMode
{
    /// <summary>Not at all: GitHub operations are only logged.</summary>
    DryRun,

    /// <summary>As a GitHub App: a token per installation, minted with the App's key.</summary>
    App,

    /// <summary>With one token (<c>GITHUB_TOKEN</c>), a user's; commands come from repository or organisation webhooks.</summary>
    Token,

    /// <summary>Not yet: no credentials of any kind were given, so the app serves <c>/setup</c> to register the GitHub App.</summary>
    Setup,
}
