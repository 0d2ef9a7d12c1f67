using GitHubIncidentApp.Core.Alerts;
using GitHubIncidentApp.Core.GitHub;
using GitHubIncidentApp.Core.Incidents.Decisions;
using GitHubIncidentApp.Core.Incidents.Settings;

namespace GitHubIncidentApp;

/// <summary>
/// <c>render PAYLOAD.json [--repo-dir DIR] [--repo owner/name]</c>: prints the title, labels and body
/// that a delivery would open an issue with, using the config and templates of a local checkout,
/// without calling GitHub. For people who write templates.
/// </summary>
public static class RenderCommand
{
    internal const string Usage = "usage: render PAYLOAD.json [--repo-dir DIR] [--repo owner/name]\n"
        + "  PAYLOAD.json   an Alertmanager webhook payload (version 4)\n"
        + "  --repo-dir     a checkout of the target repository; its .github/incidents.yml and templates are used (default: the current directory)\n"
        + "  --repo         the repository name shown in the output (default: example/incidents)";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (CommandArgs.Parse(args, ["--repo-dir", "--repo"], maxPositional: 1, out var usageError) is not { } parsedArgs)
        {
            errors.WriteLine($"error: {usageError}\n{Usage}");
            return 2;
        }

        var repoName = parsedArgs["--repo"] ?? "example/incidents";
        if (parsedArgs.Positional is not [var payloadPath] || !RepoRef.TryParse(repoName, out var repo))
        {
            errors.WriteLine(parsedArgs.Positional.Count == 0 ? $"error: no payload file given\n{Usage}" : $"error: --repo '{repoName}' is not owner/name");
            return 2;
        }

        if (!File.Exists(payloadPath))
        {
            errors.WriteLine($"error: payload file '{payloadPath}' does not exist");
            return 2;
        }

        if (RepoDirectory.Open(parsedArgs["--repo-dir"], errors) is not { } repoDir)
        {
            return 2;
        }

        var parsed = AlertmanagerPayloadParser.Parse(await File.ReadAllBytesAsync(payloadPath));
        if (parsed.Payload is null)
        {
            errors.WriteLine($"error: '{payloadPath}' is not an Alertmanager webhook payload:");
            foreach (var problem in parsed.Errors)
            {
                errors.WriteLine($"  - {problem}");
            }

            return 1;
        }

        var settings = await RepoSettings.LoadAsync(repo, repoDir.ReadAsync, readBase: null, CancellationToken.None);
        foreach (var problem in settings.Problems)
        {
            errors.WriteLine($"warning: {problem}");
        }

        var context = IncidentContext.For(repo, IncidentKey.Derive(repo, parsed.Payload, settings.Config.IncidentKeyLabels), settings, DateTimeOffset.UtcNow);
        var create = IncidentDecider.Decide(null, parsed.Payload, context).Operations.OfType<CreateIssue>().SingleOrDefault();
        if (create is null)
        {
            errors.WriteLine("The payload's group has resolved: it would open no issue.");
            return 0;
        }

        await output.WriteLineAsync($"title: {create.Issue.Title}");
        await output.WriteLineAsync($"labels: {string.Join(", ", create.Issue.Labels)}");
        await output.WriteLineAsync($"body ({create.Issue.Body.Length} characters):");
        await output.WriteLineAsync(create.Issue.Body);
        return settings.Problems.Count == 0 ? 0 : 1;
    }
}
