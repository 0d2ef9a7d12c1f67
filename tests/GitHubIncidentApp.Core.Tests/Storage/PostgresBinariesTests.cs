using GitHubIncidentApp.Testing.Postgres;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("postgres-binaries-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_newest_installed_version_wins()
    {
        Install("9");
        Install("15");
        Directory.CreateDirectory(Path.Combine(root, "16", "bin"));

        Assert.Equal(Path.Combine(root, "15", "bin"), PostgresBinaries.Locate(null, root));
    }

    [Fact]
    public void An_override_wins_when_it_holds_the_programs()
    {
        Install("15");
        var custom = Install("custom");

        Assert.Equal(custom, PostgresBinaries.Locate(custom, root));
        var error = Assert.Throws<DirectoryNotFoundException>(() => PostgresBinaries.Locate(Path.Combine(root, "missing"), root));
        Assert.Contains("PG_BIN points at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_postgresql_the_error_says_how_to_install_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => PostgresBinaries.Locate(null, Path.Combine(root, "none")));

        Assert.Contains("`sudo apt-get install postgresql`", error.Message, StringComparison.Ordinal);
    }

    private string Install(string version)
    {
        var bin = Directory.CreateDirectory(Path.Combine(root, version, "bin")).FullName;
        File.WriteAllText(Path.Combine(bin, "initdb"), "");
        File.WriteAllText(Path.Combine(bin, "pg_ctl"), "");
        return bin;
    }
}
