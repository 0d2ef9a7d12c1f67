using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace GitHubIncidentApp.Tests;

/// <summary><c>healthcheck</c>, the container image's HEALTHCHECK: it asks the running app for <c>/livez</c>.</summary>
public sealed class HealthCheckCommandTests : AppTestBase
{
    [Theory]
    [InlineData(null)]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    public async Task Exits_0_when_the_app_on_PORT_answers(string? host)
    {
        var (exit, output, errors) = await RunAsync(App.BaseUrl.Port.ToString(CultureInfo.InvariantCulture), host);

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        Assert.Equal($"ok: http://127.0.0.1:{App.BaseUrl.Port}/livez answered 200", output.TrimEnd());
    }

    [Fact]
    public async Task Exits_1_when_nothing_listens_on_PORT()
    {
        var (exit, _, errors) = await RunAsync(ClosedPort().ToString(CultureInfo.InvariantCulture), host: null);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: http://127.0.0.1:", errors, StringComparison.Ordinal);
        Assert.Contains("/livez did not answer: ", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("http")]
    public async Task Exits_1_when_PORT_is_not_a_port_to_ask(string port)
    {
        var (exit, _, errors) = await RunAsync(port, host: null);

        Assert.Equal(1, exit);
        Assert.StartsWith($"error: PORT \"{port}\" is not a port to ask", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Is_a_command_of_the_app_with_its_help()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        Assert.Equal(0, await AppCommandLine.RunAsync(["healthcheck", "--help"], output, errors));
        Assert.StartsWith("usage: healthcheck", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await AppCommandLine.RunAsync(["healthcheck", "--port", "3000"], TextWriter.Null, errors));
        Assert.Contains("error: unexpected argument '--port'", errors.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string port, string? host)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await HealthCheckCommand.RunAsync([], output, errors, name => name switch
        {
            "PORT" => port,
            "HOST" => host,
            _ => null,
        });
        return (exit, output.ToString(), errors.ToString());
    }

    /// <summary>A loopback port that was free a moment ago and that nothing listens on now.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
