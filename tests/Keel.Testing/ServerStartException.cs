namespace Keel.Testing;

/// <summary>A fixture server exited or stayed silent while starting; <see cref="ServerOutput"/> says why.</summary>
public sealed class ServerStartException(string message, string serverOutput) : Exception(message)
{
    public string ServerOutput { get; } = serverOutput;
}
