using System.Net;
using System.Net.Sockets;

namespace GitHubIncidentApp;

/// <summary>
/// Tries the listening address before the server does, so a port in use is one line naming the setting to
/// change, not the host's stack trace.
/// </summary>
public static class PortCheck
{
    /// <summary>Why the app cannot listen on HOST:PORT, or null when it can (or the address is a name, or any port will do).</summary>
    public static string? Problem(AppSettings settings)
    {
        if (settings.Port == 0 || !IPAddress.TryParse(settings.Host, out var address))
        {
            return null;
        }

        var listener = new TcpListener(address, settings.Port);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return InUse(settings);
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The message for a port another process holds.</summary>
    public static string InUse(AppSettings settings) =>
        $"port {settings.Port} on {settings.Host} is already in use by another process: stop that process, or set PORT to a free port";
}
