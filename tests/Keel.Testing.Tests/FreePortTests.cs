using System.Net;
using System.Net.Sockets;

namespace Keel.Testing.Tests;

public sealed class FreePortTests
{
    [Fact]
    public void The_port_can_be_listened_on()
    {
        var port = FreePort.Next();

        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        listener.Stop();

        port.ShouldBeGreaterThan(0);
    }
}
