using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace GitHubIncidentApp.Tests;

public sealed class DatabaseUrlSettingsTests
{
    private static readonly string PrivateKey = RSA.Create(2048).ExportRSAPrivateKeyPem();

    [Fact]
    public void Without_database_url_the_data_stays_in_sqlite()
    {
        var (settings, problems) = Load(withCredentials: true);

        Assert.Empty(problems);
        Assert.Null(settings!.DatabaseUrl);
    }

    [Fact]
    public void A_postgres_url_selects_postgresql()
    {
        const string url = "postgresql://app:s3cret@db.example.com:5432/incidents?sslmode=require";

        var (settings, problems) = Load(withCredentials: true, url);

        Assert.Empty(problems);
        Assert.Equal(url, settings!.DatabaseUrl);
    }

    [Fact]
    public void A_malformed_url_is_reported_without_its_password()
    {
        var (settings, problems) = Load(withCredentials: true, "postgres://app:s3cret@db.example.com/incidents?sslmode=yes");

        Assert.Null(settings);
        var problem = Assert.Single(problems);
        Assert.StartsWith("DATABASE_URL is not a PostgreSQL URL: sslmode 'yes'", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_refuses_a_shared_database()
    {
        var (settings, problems) = Load(withCredentials: false, "postgres://app:s3cret@db.example.com/incidents");

        Assert.Null(settings);
        Assert.StartsWith("DATABASE_URL is set but the app would only dry-run", Assert.Single(problems), StringComparison.Ordinal);
    }

    private static (AppSettings? Settings, IReadOnlyList<string> Problems) Load(bool withCredentials, string? databaseUrl = null)
    {
        var values = new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl };
        if (withCredentials)
        {
            values["APP_ID"] = "123";
            values["PRIVATE_KEY"] = PrivateKey;
        }

        return AppSettings.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), devMode: true);
    }
}
