using Keel.Gigzilla.App;
using Keel.Gigzilla.Store;

var environment = new CliEnvironment(
    Console.Out,
    Console.Error,
    TimeProvider.System,
    DataDirectory.Resolve(option: null, Environment.GetEnvironmentVariable))
{
    In = Console.In,
    Variable = Environment.GetEnvironmentVariable,
};
return GigzillaCommandLine.Run(args, environment);
