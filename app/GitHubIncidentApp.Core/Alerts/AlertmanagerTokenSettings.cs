using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Core.Alerts;

/// <summary>
/// Reads the Alertmanager tokens and their scopes: <c>ALERTMANAGER_TOKEN</c> with <c>ALLOWED_REPOS</c>, and any
/// number of <c>ALERTMANAGER_TOKEN_&lt;NAME&gt;</c>, each with its own <c>ALLOWED_REPOS_&lt;NAME&gt;</c>, so one app
/// can serve several teams' Alertmanagers, each reaching only its own repositories. Read from the whole
/// configuration, not bound with the host's declared variables: the binder maps declared names, and these are any number.
/// </summary>
public static class AlertmanagerTokenSettings
{
    public const string Plain = "ALERTMANAGER_TOKEN";
    public const string PlainScope = "ALLOWED_REPOS";
    private const string NamedPrefix = Plain + "_";
    private const string NamedScopePrefix = PlainScope + "_";

    /// <summary>The tokens, and every problem with them; in development without any, one that lets every request in.</summary>
    /// <param name="devFlag">How the host is started in development, for the problem of a missing token.</param>
    public static (IReadOnlyList<AlertmanagerToken> Tokens, IReadOnlyList<string> Problems) Read(IConfiguration config, bool devMode, RepoRef? defaultRepo, string devFlag)
    {
        var problems = new List<string>();
        string? Get(string name) => string.IsNullOrWhiteSpace(config[name]) ? null : config[name]!.Trim();

        var names = Suffixes(config, NamedPrefix).Union(Suffixes(config, NamedScopePrefix)).Order(StringComparer.Ordinal).ToList();
        var tokens = new List<AlertmanagerToken>();
        foreach (var name in names)
        {
            var (setting, scopeSetting) = (NamedPrefix + name, NamedScopePrefix + name);
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                problems.Add($"{NameText.Shown(setting)} is not a token setting: name it {NamedPrefix}<NAME>, with letters, digits and '_' in the name, and its scope {NamedScopePrefix}<NAME>");
            }
            else if (Get(setting) is not { } token)
            {
                problems.Add($"{scopeSetting} is set but {setting} is not: set {setting} to the token of the Alertmanager whose alerts may reach {scopeSetting}, or remove {scopeSetting}");
            }
            else if (Get(scopeSetting) is not { } scopeText)
            {
                problems.Add($"{setting} has no {scopeSetting}: set {scopeSetting} to the repositories this token's alerts may reach: {RepoScope.Forms}");
            }
            else if (ReadScope(scopeSetting, scopeText, problems) is { } scope)
            {
                tokens.Add(AlertmanagerToken.Of(setting, scopeSetting, scope, token));
            }
        }

        var plain = Get(Plain);
        var allowed = Get(PlainScope);
        if (plain is null && names.Count > 0)
        {
            if (allowed is not null)
            {
                problems.Add($"{PlainScope} is set but {Plain} is not: {PlainScope} is the scope of {Plain}; set {Plain}, or remove {PlainScope} (each {NamedPrefix}<NAME> has its scope in {NamedScopePrefix}<NAME>)");
            }
        }
        else if (plain is null && !devMode)
        {
            problems.Add($"{Plain} is not set: choose a long random token (e.g. `openssl rand -hex 32`) and give the same one to Alertmanager's http_config.authorization.credentials; or give each team's Alertmanager its own {NamedPrefix}<NAME> with {NamedScopePrefix}<NAME> (or start with {devFlag} to try the app locally)");
        }
        else if (PlainScopeOf(allowed, devMode, defaultRepo, problems) is { } scope)
        {
            tokens.Add(plain is null ? AlertmanagerToken.None(scope) : AlertmanagerToken.Of(Plain, PlainScope, scope, plain));
        }

        ReportSharedTokens(tokens, problems);
        return (tokens, problems);
    }

    /// <summary><c>ALLOWED_REPOS</c>; else <c>DEFAULT_REPO</c>'s owner; else, in development only, every repository.</summary>
    private static RepoScope? PlainScopeOf(string? allowed, bool devMode, RepoRef? defaultRepo, List<string> problems)
    {
        if (allowed is not null)
        {
            return ReadScope(PlainScope, allowed, problems);
        }

        if (defaultRepo is not null)
        {
            return RepoScope.Owner(defaultRepo.Owner);
        }

        if (devMode)
        {
            return RepoScope.Everything;
        }

        problems.Add($"neither {PlainScope} nor DEFAULT_REPO is set: set {PlainScope} to the repositories Alertmanager's alerts may reach ({RepoScope.Forms}), or DEFAULT_REPO to let them reach its owner's repositories");
        return null;
    }

    private static RepoScope? ReadScope(string setting, string text, List<string> problems)
    {
        var (scope, scopeProblems) = RepoScope.Parse(text);
        problems.AddRange(scopeProblems.Select(problem => $"{setting} {problem}"));
        return scope;
    }

    /// <summary>One token in two settings would make the scope of a delivery depend on which one was checked.</summary>
    private static void ReportSharedTokens(List<AlertmanagerToken> tokens, List<string> problems)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            foreach (var other in tokens.Skip(i + 1).Where(tokens[i].SameTokenAs))
            {
                problems.Add($"{tokens[i].Setting} and {other.Setting} hold the same token: give each Alertmanager a token of its own, so each delivery has one scope");
            }
        }
    }

    /// <summary>The <c>&lt;NAME&gt;</c> of each set top-level setting named <paramref name="prefix"/><c>&lt;NAME&gt;</c>, in upper case.</summary>
    private static IEnumerable<string> Suffixes(IConfiguration config, string prefix) => config.AsEnumerable()
        .Where(pair => pair.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !pair.Key.Contains(':', StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(pair.Value))
        .Select(pair => pair.Key[prefix.Length..].ToUpperInvariant());
}
