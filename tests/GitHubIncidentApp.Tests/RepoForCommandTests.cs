namespace GitHubIncidentApp.Tests;

/// <summary>A temporary checkout for the command-line verbs, deleted after the test.</summary>
public sealed class RepoForCommandTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("incident-cli-");

    public string Path => _root.FullName;

    public RepoForCommandTests With(string repoPath, string text)
    {
        var full = System.IO.Path.Combine(Path, repoPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public RepoForCommandTests WithConfig(string yaml) => With(".github/incidents.yml", yaml);

    public void Dispose() => _root.Delete(recursive: true);

    /// <summary>Runs a verb in-process; output with '\n' line ends.</summary>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(Func<string[], TextWriter, TextWriter, Task<int>> verb, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await verb(args, output, errors);
        return (exit, output.ToString().ReplaceLineEndings("\n"), errors.ToString().ReplaceLineEndings("\n"));
    }
}
