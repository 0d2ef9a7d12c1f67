using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GitHubIncidentApp.Core.GitHub;
using Microsoft.Extensions.Time.Testing;

namespace GitHubIncidentApp.Core.Tests.GitHub;

public sealed class AppJwtTests
{
    [Fact]
    public void Token_is_RS256_signed_backdated_a_minute_and_lives_nine_minutes()
    {
        using var key = RSA.Create(2048);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var jwt = new AppJwt(4242, key.ExportRSAPrivateKeyPem(), new FakeTimeProvider(now)).Create();

        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        Assert.Equal("4242", claims.RootElement.GetProperty("iss").GetString());
        Assert.Equal(now.AddSeconds(-60).ToUnixTimeSeconds(), claims.RootElement.GetProperty("iat").GetInt64());
        Assert.Equal(now.AddMinutes(9).ToUnixTimeSeconds(), claims.RootElement.GetProperty("exp").GetInt64());
        Assert.True(key.VerifyData(
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1));
    }

    [Theory]
    [InlineData("pkcs1")]
    [InlineData("pkcs8")]
    public async Task GitHub_accepts_the_token_from_a_PKCS1_or_PKCS8_key(string format)
    {
        await using var gh = await GitHubHarness.StartAsync(server =>
        {
            if (format == "pkcs1")
            {
                return server.AppPrivateKeyPem;
            }

            using var key = RSA.Create();
            key.ImportFromPem(server.AppPrivateKeyPem);
            return key.ExportPkcs8PrivateKeyPem();
        });

        await gh.Factory.GetClientAsync(GitHubHarness.Repo, CancellationToken.None);

        var lookup = Assert.Single(gh.RequestsTo("GET", "/repos/acme/api/installation"));
        Assert.Equal(200, lookup.StatusCode);
        Assert.StartsWith("Bearer ey", lookup.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_that_is_not_PEM_is_refused_naming_the_setting()
    {
        var e = Assert.Throws<ArgumentException>(() => new AppJwt(4242, "not a key", TimeProvider.System));
        Assert.Contains("PRIVATE_KEY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_of_another_app_is_rejected_by_GitHub_with_a_hint()
    {
        using var otherKey = RSA.Create(2048);
        await using var gh = await GitHubHarness.StartAsync(_ => otherKey.ExportRSAPrivateKeyPem());

        var e = await Assert.ThrowsAsync<GitHubApiException>(() => gh.Factory.GetClientAsync(GitHubHarness.Repo, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.Contains("GET /repos/acme/api/installation failed with 401", e.Message, StringComparison.Ordinal);
        Assert.Contains("APP_ID and PRIVATE_KEY", e.Message, StringComparison.Ordinal);
    }
}
