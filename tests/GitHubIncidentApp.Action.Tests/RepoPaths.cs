namespace GitHubIncidentApp.Action.Tests;

/// <summary>Files of the repository these tests were built from.</summary>
public static class RepoPaths
{
    public static string Root => Testing.RepoFiles.Root;

    /// <summary>
    /// The Action as its own project built it. Not the copy beside the tests: that one would resolve
    /// its packages against the tests' ASP.NET Core framework, which the Action does not run on.
    /// </summary>
    public static string ActionDll
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name; // bin/{configuration}/{framework}
            return Path.Combine(Root, "action", "GitHubIncidentApp.Action", "bin", configuration, output.Name, "GitHubIncidentApp.Action.dll");
        }
    }
}
