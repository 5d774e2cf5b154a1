namespace Keel.Gigzilla.App;

/// <summary>What commands read from and write to, so that tests can run them in-process.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one line per failure.</param>
/// <param name="Clock">Source of the user's local date.</param>
/// <param name="LoadKnownClients">Names of the clients in the local store; called only when no --known-client is given.</param>
/// <param name="DefaultCurrency">The currency from the user's settings, used when a line names none.</param>
internal sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    TimeProvider Clock,
    Func<IReadOnlyCollection<string>> LoadKnownClients,
    string DefaultCurrency)
{
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().DateTime);
}
