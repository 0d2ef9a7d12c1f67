using System.Globalization;

namespace GitHubIncidentApp.Testing.Postgres;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl); tests that need them fail loudly without them rather than skip.</summary>
public static class PostgresBinaries
{
    public const string EnvironmentVariable = "PG_BIN";

    /// <summary>Where Debian's <c>postgresql</c> package installs each major version.</summary>
    public const string DebianRoot = "/usr/lib/postgresql";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), DebianRoot);

    /// <param name="overrideDirectory">A directory that replaces the search under <paramref name="debianRoot"/>, or null/empty.</param>
    /// <returns>The directory holding initdb and pg_ctl: the override, else the newest <c>{debianRoot}/*/bin</c>.</returns>
    public static string Locate(string? overrideDirectory, string debianRoot)
    {
        if (!string.IsNullOrEmpty(overrideDirectory))
        {
            return HasServerPrograms(overrideDirectory)
                ? overrideDirectory
                : throw new DirectoryNotFoundException(
                    $"{EnvironmentVariable} points at '{overrideDirectory}', which holds no initdb and pg_ctl. " +
                    $"Set it to the bin directory of a PostgreSQL installation, or unset it to use the newest {debianRoot}/*/bin.");
        }

        var newest = Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(version => (Major: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : -1, Bin: Path.Combine(version, "bin")))
                .Where(candidate => candidate.Major >= 0 && HasServerPrograms(candidate.Bin))
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return newest ?? throw new DirectoryNotFoundException(
            $"PostgreSQL is not installed: no {debianRoot}/*/bin holds initdb and pg_ctl. Tests of the PostgreSQL storage start " +
            $"their own server; install it with `sudo apt-get install postgresql`, or set {EnvironmentVariable} to the bin directory of a PostgreSQL installation.");
    }

    private static bool HasServerPrograms(string directory) =>
        File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl"));
}
