namespace GitHubIncidentApp.Testing;

/// <summary>Files of the repository these tests were built from (found by walking up to the solution file).</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GitHubIncidentApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GitHubIncidentApp.sln above {AppContext.BaseDirectory}: run the tests from the repository's build output.");
    }
}
