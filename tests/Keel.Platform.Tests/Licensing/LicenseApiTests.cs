using System.Net;
using System.Text.Json.Nodes;
using Keel.Platform.Billing;
using Keel.Platform.Data;
using Keel.Platform.Licensing;
using Keel.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Keel.Platform.Tests.Licensing;

/// <summary>The platform's own license API: activation, validation codes, deactivation from a device or the dashboard,
/// on both databases (validation of a known machine and activation take different paths through the database).</summary>
public abstract class LicenseApiTests(Db database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private KeelTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KeelTestServer.StartAsync(o =>
    {
        o.Time = _time;
        o.Database = database;
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A Gigzilla Pro license (3 devices) for a fresh signed-in account, as an administrator's grant would create it.</summary>
    private async Task<(HttpClient Owner, string Key)> LicenseAsync()
    {
        var (client, id, _) = await _server.SignUpAsync();
        await using var scope = _server.Services.CreateAsyncScope();
        var licenses = scope.ServiceProvider.GetRequiredService<Licenses>();
        var plan = scope.ServiceProvider.GetRequiredService<PlanCatalog>().Find("gigzilla-pro-monthly")!;
        var (_, key) = licenses.Create(id, plan, LicenseState.Active, expiresAt: null);
        await scope.ServiceProvider.GetRequiredService<KeelDbContext>().SaveChangesAsync();
        return (client, key);
    }

    private async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(string path, object body)
    {
        var response = await _server.CreateClient().PostJsonAsync(path, body);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync() is { Length: > 0 } text ? text : "{}")!);
    }

    [Fact]
    public async Task Activating_up_to_the_plans_device_limit_then_too_many_machines()
    {
        var (_, key) = await LicenseAsync();
        for (var i = 1; i <= 3; i++)
        {
            var (status, body) = await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = $"fp-{i}", name = $"Laptop {i}" });
            status.ShouldBe(HttpStatusCode.Created);
            body["code"]!.GetValue<string>().ShouldBe("VALID");
            body["token"].ShouldNotBeNull();
        }
        var (fourth, refused) = await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-4" });
        fourth.ShouldBe(HttpStatusCode.UnprocessableEntity);
        refused["code"]!.GetValue<string>().ShouldBe("TOO_MANY_MACHINES");
        refused["license"]!["activeMachines"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Validation_codes_tell_the_client_what_to_do()
    {
        var (_, key) = await LicenseAsync();
        (await PostAsync("/api/v1/licenses/validate", new { key = "GZ-00000-00000-00000-00000-00000-00000" })).Body["code"]!.GetValue<string>().ShouldBe("NOT_FOUND");
        (await PostAsync("/api/v1/licenses/validate", new { key })).Body["code"]!.GetValue<string>().ShouldBe("VALID");
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "never-activated" })).Body["code"]!.GetValue<string>()
            .ShouldBe("FINGERPRINT_SCOPE_MISMATCH");
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        var valid = (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body;
        valid["valid"]!.GetValue<bool>().ShouldBeTrue();
        valid["token"].ShouldNotBeNull();
    }

    [Fact]
    public async Task Keys_typed_by_hand_are_forgiven_case_dashes_and_look_alike_characters()
    {
        var (_, key) = await LicenseAsync();
        var sloppy = key.ToLowerInvariant().Replace("-", " ").Replace('0', 'o').Replace('1', 'l');
        (await PostAsync("/api/v1/licenses/validate", new { key = sloppy })).Body["code"]!.GetValue<string>().ShouldBe("VALID");
    }

    [Fact]
    public async Task A_device_frees_its_seat_by_deactivating_and_the_dashboard_can_free_any_seat()
    {
        var (owner, key) = await LicenseAsync();
        for (var i = 1; i <= 3; i++) await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = $"fp-{i}" });

        (await PostAsync("/api/v1/licenses/deactivate", new { key, fingerprint = "fp-1" })).Status.ShouldBe(HttpStatusCode.NoContent);
        (await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-4" })).Status.ShouldBe(HttpStatusCode.Created);

        var licenses = (await (await owner.GetAsync("/api/v1/licenses")).JsonAsync()).AsArray();
        var machines = licenses.Single()!["machines"]!.AsArray();
        machines.Select(m => m!["fingerprint"]!.GetValue<string>()).Order().ShouldBe(["fp-2", "fp-3", "fp-4"]);
        var fp2 = machines.Single(m => m!["fingerprint"]!.GetValue<string>() == "fp-2")!["id"]!.GetValue<Guid>();
        (await owner.DeleteAsync($"/api/v1/licenses/{licenses[0]!["id"]}/machines/{fp2}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-5" })).Status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_machine_unseen_for_thirty_days_no_longer_holds_a_seat()
    {
        var (_, key) = await LicenseAsync();
        for (var i = 1; i <= 3; i++) await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = $"fp-{i}" });
        _time.Advance(TimeSpan.FromDays(20));
        await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-2" });
        await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-3" });
        _time.Advance(TimeSpan.FromDays(11));
        (await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-new" })).Status.ShouldBe(HttpStatusCode.Created);
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");
    }

    [Fact]
    public async Task Validating_an_activated_machine_records_when_it_was_last_seen_to_the_minute()
    {
        var (owner, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        var activatedAt = _time.GetUtcNow();

        _time.Advance(TimeSpan.FromSeconds(30));
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");
        (await LastSeenAsync(owner)).ShouldBe(activatedAt);

        _time.Advance(TimeSpan.FromMinutes(2));
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");
        (await LastSeenAsync(owner)).ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public async Task A_machine_validating_again_within_a_minute_gets_the_same_token_then_a_fresh_one()
    {
        var (_, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        var first = (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["token"]!.GetValue<string>();

        _time.Advance(TimeSpan.FromSeconds(59));
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["token"]!.GetValue<string>().ShouldBe(first);

        _time.Advance(TimeSpan.FromSeconds(1));
        var fresh = (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body;
        fresh["token"]!.GetValue<string>().ShouldNotBe(first);
        fresh["tokenExpiresAt"]!.GetValue<DateTimeOffset>().ShouldBe(_time.GetUtcNow() + TimeSpan.FromDays(7));
    }

    [Fact]
    public async Task Many_validations_of_one_machine_arriving_together_when_its_answer_expires_all_succeed()
    {
        var (owner, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" });
        _time.Advance(TimeSpan.FromMinutes(1));

        // One of them loads the answer; the others wait for it rather than all querying the database.
        var answers = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })));

        answers.ShouldAllBe(a => a.Body["code"]!.GetValue<string>() == "VALID");
        (await LastSeenAsync(owner)).ShouldBe(_time.GetUtcNow());
    }

    [Fact]
    public async Task A_machine_deactivated_a_moment_after_validating_is_refused_at_once()
    {
        var (_, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");

        (await PostAsync("/api/v1/licenses/deactivate", new { key, fingerprint = "fp-1" })).Status.ShouldBe(HttpStatusCode.NoContent);

        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>()
            .ShouldBe("FINGERPRINT_SCOPE_MISMATCH");
    }

    [Fact]
    public async Task A_plan_change_saved_by_this_server_shows_in_the_next_validation()
    {
        var (_, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        var before = (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body;
        before["license"]!["tier"]!.GetValue<string>().ShouldBe("pro");

        await using (var scope = _server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            var license = db.Licenses.Single();
            license.MoveTo(scope.ServiceProvider.GetRequiredService<PlanCatalog>().Find("gigzilla-business-monthly")!, LicenseState.Active, null, _time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var after = (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body;
        after["license"]!["tier"]!.GetValue<string>().ShouldBe("business");
        after["token"]!.GetValue<string>().ShouldNotBe(before["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_written_by_another_server_instance_is_seen_within_a_minute()
    {
        var (_, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");

        // A bulk update bypasses this instance's change tracking, as another instance's write would.
        await using (var scope = _server.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<KeelDbContext>().Licenses
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.State, LicenseState.Expired));
        }
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("VALID");

        _time.Advance(TimeSpan.FromMinutes(1));
        (await PostAsync("/api/v1/licenses/validate", new { key, fingerprint = "fp-1" })).Body["code"]!.GetValue<string>().ShouldBe("EXPIRED");
    }

    private static async Task<DateTimeOffset> LastSeenAsync(HttpClient owner) =>
        (await (await owner.GetAsync("/api/v1/licenses")).JsonAsync()).AsArray().Single()!["machines"]![0]!["lastSeenAt"]!.GetValue<DateTimeOffset>();

    [Fact]
    public async Task Another_account_cannot_see_or_free_a_seat()
    {
        var (owner, key) = await LicenseAsync();
        await PostAsync("/api/v1/licenses/activate", new { key, fingerprint = "fp-1" });
        var license = (await (await owner.GetAsync("/api/v1/licenses")).JsonAsync()).AsArray().Single()!;
        var machineId = license["machines"]![0]!["id"]!.GetValue<Guid>();

        var (stranger, _, _) = await _server.SignUpAsync("stranger");
        (await (await stranger.GetAsync("/api/v1/licenses")).JsonAsync()).AsArray().ShouldBeEmpty();
        await (await stranger.DeleteAsync($"/api/v1/licenses/{license["id"]}/machines/{machineId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"key\": 5}")]
    [InlineData("{\"key\": \"GZ-x\", \"fingerprint\": [\"a\"]}")]
    [InlineData("{\"key\": \"GZ-x\", \"extra\": true}")]
    public async Task Malformed_requests_get_400(string body)
    {
        await (await _server.CreateClient().PostRawAsync("/api/v1/licenses/validate", body)).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_giant_fingerprint_is_a_validation_error()
    {
        var (_, key) = await LicenseAsync();
        var response = await _server.CreateClient().PostJsonAsync("/api/v1/licenses/activate", new { key, fingerprint = new string('f', 100_000) });
        (await response.ProblemAsync(HttpStatusCode.BadRequest))["errors"]!["fingerprint"].ShouldNotBeNull();
    }
}

public sealed class LicenseApiOnSqlite() : LicenseApiTests(Db.Sqlite);

public sealed class LicenseApiOnPostgres() : LicenseApiTests(Db.Postgres);
