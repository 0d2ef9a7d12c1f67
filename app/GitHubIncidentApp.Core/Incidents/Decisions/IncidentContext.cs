using GitHubIncidentApp.Core.Configuration;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Settings;
using GitHubIncidentApp.Core.Templates;

namespace GitHubIncidentApp.Core.Incidents.Decisions;

/// <summary>
/// Everything a decision depends on besides the incident and what happened: the time and the repository's
/// settings. Every decider is called <c>Decide(state, input, context)</c> and takes time and configuration only from here.
/// </summary>
public sealed record IncidentContext
{
    public required RepoRef Repo { get; init; }
    public required string Key { get; init; }
    public required IncidentConfig Config { get; init; }
    /// <summary>The repository's templates; whichever renderer is given, the decision renders with a budget of its own.</summary>
    public required IncidentRenderer Renderer { get; init => field = value.ForDelivery(); }
    public required DateTimeOffset Now { get; init; }

    /// <summary>Problems with the repository's config file or templates, shown in the issue so people can fix them.</summary>
    public IReadOnlyList<ConfigProblem> Problems { get; init; } = [];

    /// <summary>The overrides people took with <c>/oncall take</c>: the ledger a new one is written into.</summary>
    public TakenOverrides Taken { get; init; } = TakenOverrides.None;

    /// <summary>Why <c>/silence</c> cannot reach Alertmanager here (what the operator should set); null when it can.</summary>
    public string? SilencesOff { get; init; }

    /// <summary>The context of a decision about incident <paramref name="key"/> under <paramref name="settings"/>, at <paramref name="now"/>.</summary>
    public static IncidentContext For(RepoRef repo, string key, RepoSettings settings, DateTimeOffset now) => new()
    {
        Repo = repo,
        Key = key,
        Config = settings.Config,
        Renderer = settings.Renderer,
        Now = now,
        Problems = settings.Problems,
        Taken = settings.Taken,
    };
}

/// <summary>An incident as the index knows it: its state and its issue.</summary>
public sealed record KnownIncident(IncidentState State, int IssueNumber);

/// <summary>The operations to apply and the state the incident is in once they are applied.</summary>
public sealed record IncidentDecision(IReadOnlyList<IssueOperation> Operations, IncidentState? State)
{
    public static IncidentDecision Nothing { get; } = new([], null);
}
