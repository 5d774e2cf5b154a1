using Keel.Gigzilla.App;

// The local store does not exist yet, so there are no stored clients; --known-client supplies them meanwhile.
var environment = new CliEnvironment(
    Console.Out,
    Console.Error,
    TimeProvider.System,
    LoadKnownClients: () => [],
    DefaultCurrency: "EUR");
return GigzillaCommandLine.Run(args, environment);
