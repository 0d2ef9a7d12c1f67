namespace GitHubIncidentApp.Tests;

public sealed class DotEnvFileTests
{
    [Fact]
    public void Reads_names_values_quotes_and_exports_and_skips_comments()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# settings\nAPP_ID=123\nexport DEFAULT_REPO = my-org/incidents\nPRIVATE_KEY=\"-----BEGIN-----\\nabc\"\nEMPTY=\nnot a setting\n");

            var values = DotEnvFile.Read(path);

            Assert.Equal("123", values["APP_ID"]);
            Assert.Equal("my-org/incidents", values["DEFAULT_REPO"]);
            Assert.Equal("-----BEGIN-----\\nabc", values["PRIVATE_KEY"]);
            Assert.Equal("", values["EMPTY"]);
            Assert.Equal(4, values.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_environment_wins_over_the_file()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "PATH=/nowhere\n");

            Assert.Empty(DotEnvFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_no_settings() => Assert.Empty(DotEnvFile.Read("/nonexistent/.env"));
}
