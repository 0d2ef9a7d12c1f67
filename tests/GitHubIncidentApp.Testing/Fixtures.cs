namespace GitHubIncidentApp.Testing;

/// <summary>The recorded payloads (examples/alertmanager and this project's fixtures/github), copied beside the test binaries.</summary>
public static class Fixtures
{
    public static string PathOf(string relativePath) =>
        Path.Combine(AppContext.BaseDirectory, "fixtures", relativePath);

    public static string Text(string relativePath) => File.ReadAllText(PathOf(relativePath));

    public static byte[] Bytes(string relativePath) => File.ReadAllBytes(PathOf(relativePath));

    public static string Alertmanager(string name) => Text($"alertmanager/{name}.json");
}
