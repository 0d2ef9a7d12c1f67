using GitHubIncidentApp.Core.Storage;
using Npgsql;

namespace GitHubIncidentApp.Core.Tests.Storage;

public sealed class PostgresUrlTests
{
    [Fact]
    public void A_full_url_becomes_a_connection_string()
    {
        var builder = PostgresUrl.Parse("postgresql://incident%40app:p%40ss%3Aw%2Frd@db.example.com:6432/incidents?sslmode=verify-full&connect_timeout=7&application_name=incident-app");

        Assert.Equal(
            ("db.example.com", 6432, "incidents", "incident@app", "p@ss:w/rd", SslMode.VerifyFull, 7, "incident-app"),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode, builder.Timeout, builder.ApplicationName));
    }

    [Theory]
    [InlineData("postgres://app@localhost/incidents", "localhost", 5432)]
    [InlineData("POSTGRES://app@127.0.0.1:15432/incidents", "127.0.0.1", 15432)]
    [InlineData("postgres://app@[::1]:5433/incidents", "::1", 5433)]
    public void Host_and_port_default_and_vary(string url, string host, int port)
    {
        var builder = PostgresUrl.Parse(url);

        Assert.Equal((host, port, "app", null), (builder.Host, builder.Port, builder.Username, builder.Password));
    }

    [Fact]
    public void The_description_leaves_the_password_out()
    {
        Assert.Equal(
            "postgres://incident%40app@db.example.com:5432/incidents",
            PostgresUrl.Describe(PostgresUrl.Parse("postgres://incident%40app:s3cret@db.example.com/incidents")));
    }

    [Theory]
    [InlineData("mysql://app:s3cret@db/incidents", "must start with postgres:// or postgresql://")]
    [InlineData("postgres://app:s3cret@db", "its path must be the database name")]
    [InlineData("postgres://app:s3cret@db/a/b", "its path must be the database name")]
    [InlineData("postgres://app:s3#cret@db/incidents", "percent-encode special characters")]
    [InlineData("postgres://app:s3cret@db:port/incidents", "not a well-formed URL")]
    [InlineData("postgres://app:s3cret@db/incidents?sslmode=on", "sslmode 'on' is not one of disable, allow, prefer, require, verify-ca, verify-full")]
    [InlineData("postgres://app:s3cret@db/incidents?connect_timeout=soon", "connect_timeout 'soon' is not a whole number")]
    [InlineData("postgres://app:s3cret@db/incidents?pool=9", "the parameter 'pool' is not supported")]
    public void A_malformed_url_says_what_is_wrong_and_never_shows_the_password(string url, string problem)
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.Parse(url));

        Assert.StartsWith("DATABASE_URL is not a PostgreSQL URL: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://incident_app:PASSWORD@db.example.com:5432/incidents?sslmode=require", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3", error.Message, StringComparison.Ordinal);
    }
}
