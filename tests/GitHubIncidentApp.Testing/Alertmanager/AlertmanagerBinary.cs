namespace GitHubIncidentApp.Testing.Alertmanager;

/// <summary>Finds the real Alertmanager executable; end-to-end tests fail loudly without it rather than skip.</summary>
public static class AlertmanagerBinary
{
    public const string DefaultPath = "/usr/bin/prometheus-alertmanager";

    public const string EnvironmentVariable = "ALERTMANAGER_BIN";

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <param name="overridePath">A path that replaces <see cref="DefaultPath"/>, or null/empty for the default.</param>
    public static string Locate(string? overridePath)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return File.Exists(overridePath)
                ? overridePath
                : throw new FileNotFoundException(
                    $"{EnvironmentVariable} points at '{overridePath}', which does not exist. " +
                    $"Set it to the path of an Alertmanager binary, or unset it to use {DefaultPath}.",
                    overridePath);
        }

        return File.Exists(DefaultPath)
            ? DefaultPath
            : throw new FileNotFoundException(
                $"Alertmanager is not installed: {DefaultPath} does not exist. End-to-end tests need the real Alertmanager; " +
                $"install it with `sudo apt-get install prometheus-alertmanager`, or set {EnvironmentVariable} to the path of an Alertmanager binary.",
                DefaultPath);
    }
}
