using System.Net;
using System.Net.Sockets;

namespace Keel.Testing;

/// <summary>Hands out TCP ports on 127.0.0.1 that nothing is listening on.</summary>
public static class FreePort
{
    /// <summary>
    /// Asks the operating system for an unused port on 127.0.0.1. The port is released before returning,
    /// so another process may take it first; servers started on it retry with a new port when binding fails.
    /// </summary>
    public static int Next()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
