using Keel.Server;
using Keel.Server.Cli;

if (args.Length > 0 && !args[0].StartsWith('-'))
    return await Commands.RunAsync(args);

var app = KeelServer.Build(args);
await KeelServer.PrepareAsync(app);
await app.RunAsync();
return 0;

/// <summary>Exposed so integration tests can start the real server with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
