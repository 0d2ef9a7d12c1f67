namespace GitHubIncidentApp;

/// <summary>
/// Reads a <c>.env</c> file of <c>NAME=value</c> lines, as Probot apps are usually configured
/// in development. Variables already in the environment win over the file. Hand-written: the configuration system
/// has no <c>.env</c> provider, and its INI one keeps <c>export</c> and single quotes and refuses a line that is no setting.
/// </summary>
public static class DotEnvFile
{
    public static Dictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }

        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            var name = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            if (Environment.GetEnvironmentVariable(name) is null)
            {
                values[name] = value;
            }
        }

        return values;
    }
}
