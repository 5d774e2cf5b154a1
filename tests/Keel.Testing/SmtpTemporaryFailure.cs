namespace Keel.Testing;

/// <summary>How <see cref="SmtpListener"/> answers MAIL FROM while simulating a server in trouble.</summary>
public enum SmtpTemporaryFailure
{
    /// <summary>Accept mail normally.</summary>
    None,

    /// <summary><c>451 4.3.0</c>: the transaction fails, the connection stays open.</summary>
    LocalError451,

    /// <summary><c>421 4.3.2</c>: the server closes the connection after replying.</summary>
    ServiceNotAvailable421,
}
