using System.Diagnostics;
using System.Text.Json.Nodes;
using Keel.Testing;

namespace Keel.Gigzilla.Api.Tests;

/// <summary>
/// Acceptance: seed 001's desktop <c>LicenseManager</c> (desktop/src/managers/license-manager.js), run as written
/// under Node with <c>LICENSE_API_URL</c> pointing at this server. The code is read from the seed document at test
/// time, not copied into the repository; only Electron's store is stood in for by an in-memory map, and each
/// "machine" is a manager whose <c>generateMachineId</c> answers a fixed id.
/// </summary>
public sealed class SeedLicenseManagerTests(GigzillaServer gigzilla) : IClassFixture<GigzillaServer>
{
    private const string Driver = """
        const store = new Map(JSON.parse(process.env.STORE || '[]'));
        global.window = { electronAPI: { store: {
          get: async (k) => store.get(k),
          set: async (k, v) => { store.set(k, v); return true; },
          delete: async (k) => { store.delete(k); return true; },
        } } };
        const LicenseManager = require('./license-manager.js');
        const onMachine = (id) => { const m = new LicenseManager(); m.generateMachineId = () => id; return m; };
        // The manager trusts a validation younger than 7 days without calling the server; age it so it calls.
        const goOnline = () => { const l = store.get('license'); l.lastValidated = new Date(Date.now() - 8 * 86400000).toISOString(); };
        (async () => {
          const out = {};
          if (process.argv[2] === 'trial') {
            out.start = await onMachine('machine-1').startTrial(process.argv[3]);
            goOnline();
            out.validate = await onMachine('machine-1').validateLicense();
            const license = store.get('license');
            out.second = await onMachine('machine-2').activateLicense(license.email, license.key);
            out.third = await onMachine('machine-3').activateLicense(license.email, license.key);
          } else {
            goOnline();
            out.validate = await onMachine('machine-1').validateLicense();
          }
          out.store = [...store.entries()];
          console.log(JSON.stringify(out));
        })().catch((e) => { console.error(e); process.exit(1); });
        """;

    [Fact]
    public async Task The_seed_license_manager_starts_a_trial_validates_hits_the_device_limit_and_sees_the_trial_end()
    {
        var directory = Directory.CreateTempSubdirectory("seed-license-manager-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "license-manager.js"), SeedCode.LicenseManager());
        await File.WriteAllTextAsync(Path.Combine(directory, "driver.js"), Driver);
        var email = KeelApi.NewEmail("seed-client");

        var trial = await RunNodeAsync(directory, ["trial", email], store: "[]");
        trial["start"]!["success"]!.GetValue<bool>().ShouldBeTrue(trial.ToJsonString());
        trial["validate"]!["valid"]!.GetValue<bool>().ShouldBeTrue(trial.ToJsonString());
        trial["validate"]!["status"]!.GetValue<string>().ShouldBe("trial");
        trial["validate"]!["tier"]!.GetValue<string>().ShouldBe("free");
        trial["second"]!["success"]!.GetValue<bool>().ShouldBeTrue(trial.ToJsonString());
        trial["third"]!["success"]!.GetValue<bool>().ShouldBeFalse();
        trial["third"]!["error"]!.GetValue<string>().ShouldBe("Device limit reached");

        gigzilla.Time.Advance(TimeSpan.FromDays(15));
        var expired = await RunNodeAsync(directory, ["expired"], store: trial["store"]!.ToJsonString());
        expired["validate"]!["valid"]!.GetValue<bool>().ShouldBeFalse();
        expired["validate"]!["reason"]!.GetValue<string>().ShouldBe("License expired");
    }

    private async Task<JsonNode> RunNodeAsync(string directory, string[] args, string store)
    {
        var node = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        node.ArgumentList.Add("driver.js");
        foreach (var arg in args) node.ArgumentList.Add(arg);
        node.Environment["LICENSE_API_URL"] = new Uri(gigzilla.Server.Address, "gigzilla").ToString();
        node.Environment["STORE"] = store;
        using var process = Process.Start(node) ?? throw new InvalidOperationException("Could not start node.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        process.ExitCode.ShouldBe(0, await error);
        return JsonNode.Parse(await output)!;
    }
}
