using System.Net;
using GitHubIncidentApp.Core.GitHub;
using YamlDotNet.RepresentationModel;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Org-wide defaults, as Probot reads them: <c>_extends: other-repo</c>, <c>owner/repo</c> or <c>.github</c>
/// (the owner's <c>.github</c> repository), each optionally with <c>:.github/file.yml</c> (default: the same
/// path, <see cref="IncidentConfig.FilePath"/>). A base may extend another, up to <see cref="MaxBases"/> files.
/// Bases are read through <c>readBase</c> with the configured repository's own access (its installation), as
/// Probot does, so another owner's private defaults are out of reach.
/// </summary>
/// <remarks>
/// The files are merged as YAML trees (see <see cref="YamlMerge"/>) and the settings are read once from the
/// merged tree, so a repository may complete or change an inherited rotation and routes may name rotations
/// defined in the base. Validating each file alone would refuse such partial files. Merged nodes keep their
/// source positions and <see cref="NodeOrigins"/> keeps their file, so every error still reads
/// <c>owner/.github:.github/incidents.yml:LINE:COL: ...</c> for a base and <c>.github/incidents.yml:LINE:COL</c>
/// for the repository's own file. Errors in a file of another repository keep where they are and which key, not
/// the rest: its values are that repository's, not for this repository's issues and logs.
/// </remarks>
public static class ConfigExtends
{
    public const string Key = "_extends";

    public const int MaxBases = 5;

    /// <summary>
    /// Parses the repository's own config <paramref name="yaml"/> with the bases it extends, read through
    /// <paramref name="readBase"/>; without one (local files), or where it throws <see cref="BaseNotFetchedException"/>,
    /// <c>_extends</c> is reported as a warning and the file applies alone.
    /// </summary>
    /// <param name="ownPath">Where the repository's own file is; its errors name this path.</param>
    public static async Task<ExtendedParseResult> ParseAsync(
        string yaml, RepoRef repo, ReadRepoFile? readBase, CancellationToken cancellationToken, string ownPath = IncidentConfig.FilePath)
    {
        var origins = new NodeOrigins();
        var (root, loadErrors) = IncidentConfigParser.LoadFile(yaml, ownPath);
        if (root is null)
        {
            return new ExtendedParseResult(IncidentConfigParser.Read(null, loadErrors, ownPath), []);
        }

        origins.Add(root, ownPath);
        var errors = new List<ConfigProblem>(loadErrors);
        var baseProblems = new List<ConfigProblem>();
        var chain = new List<BaseConfigFile> { new(repo, ownPath) };
        // While parsing, a base's nodes and errors name it by its text (owner/repo:path); at the end they get its repository.
        var bases = new Dictionary<string, BaseConfigFile>(StringComparer.Ordinal);
        var merged = root;
        YamlNode? current = root;
        while (ExtendsNode(current) is { } node)
        {
            void Report(List<ConfigProblem> into, string message, ConfigSeverity severity = ConfigSeverity.Error)
            {
                origins.TryLocate(node, out var path, out var start);
                into.Add(new ConfigProblem(path, (int)start.Line, (int)start.Column, message) { Severity = severity });
            }

            if (node is not YamlScalarNode { Value: { } value })
            {
                Report(errors, $"'{Key}' must name the file to extend: {BaseConfigFile.Syntax}");
                break;
            }

            if (!BaseConfigFile.TryParse(value, chain[^1].Repo, out var baseFile, out var problem))
            {
                Report(errors, $"'{Key}' {problem}");
                break;
            }

            if (chain.Contains(baseFile))
            {
                Report(errors, $"'{Key}' names {baseFile}, which is already in the chain {string.Join(" -> ", chain)}; remove one '{Key}' so the chain ends");
                break;
            }

            if (chain.Count > MaxBases)
            {
                Report(errors, $"'{Key}' names {baseFile}, a base beyond the limit of {MaxBases} files extended in a chain; point an earlier file at the defaults directly");
                break;
            }

            if (readBase is null)
            {
                Report(baseProblems, NotFetched(baseFile, "when reading local files"), ConfigSeverity.Warning);
                break;
            }

            string? text;
            try
            {
                text = await readBase(baseFile.Repo, baseFile.Path, cancellationToken);
            }
            catch (BaseNotFetchedException ex)
            {
                Report(baseProblems, NotFetched(baseFile, ex.Message), ConfigSeverity.Warning);
                break;
            }
            catch (Exception ex) when (IsUnreadable(ex))
            {
                Report(baseProblems, $"'{Key}': cannot read {baseFile} with this repository's installation ({ex.Message}); its settings are not applied");
                break;
            }

            if (text is null)
            {
                Report(baseProblems, baseFile.Repo.Equals(repo)
                    ? $"'{Key}' names {baseFile}, which does not exist; create it or correct the name; its settings are not applied"
                    : $"'{Key}': cannot read {baseFile} with this repository's installation: it does not exist, or it is private and "
                        + "this repository's installation cannot read it (GitHub answers 404 to both); correct the name, or keep the defaults where "
                        + "this repository's installation can read them (a repository of this owner, or a public one); its settings are not applied");
                break;
            }

            chain.Add(baseFile);
            var basePath = baseFile.ToString();
            bases[basePath] = baseFile;
            (current, loadErrors) = IncidentConfigParser.LoadFile(text, basePath);
            errors.AddRange(loadErrors);
            if (current is null)
            {
                break;
            }

            if (current is not YamlMappingNode)
            {
                errors.Add(new ConfigProblem(basePath, (int)current.Start.Line, (int)current.Start.Column, "the file must be a mapping of settings, such as timezone: Europe/Berlin"));
                break;
            }

            origins.Add(current, basePath);
            merged = YamlMerge.Merge(merged, current, origins);
        }

        var parsed = IncidentConfigParser.Read(merged, errors, ownPath, origins);
        ConfigProblem Shown(ConfigProblem problem)
        {
            if (!bases.TryGetValue(problem.Path, out var file))
            {
                return problem;
            }

            var located = problem with { Path = file.Path, Repo = file.Repo };
            return file.Repo.Equals(repo) ? located : located.WithoutValues();
        }

        return new ExtendedParseResult(parsed with { Errors = [.. parsed.Errors.Select(Shown)] }, [.. baseProblems.Select(Shown)]);
    }

    private static string NotFetched(BaseConfigFile baseFile, string reason) =>
        $"'{Key}' names {baseFile}, which is not fetched {reason}; the settings of this file alone are used";

    private static YamlNode? ExtendsNode(YamlNode? root) =>
        root is YamlMappingNode mapping
        && mapping.Children.FirstOrDefault(entry => entry.Key is YamlScalarNode { Value: Key }).Value is { } node
        && !ConfigSection.IsNull(node)
            ? node
            : null;

    /// <summary>Failures that retrying will not fix; others (rate limits, outages) propagate so the delivery is retried.</summary>
    private static bool IsUnreadable(Exception ex) =>
        ex is GitHubAppNotInstalledException or InvalidOperationException or GitHubApiException { StatusCode: HttpStatusCode.Forbidden, RateLimit: null };
}
