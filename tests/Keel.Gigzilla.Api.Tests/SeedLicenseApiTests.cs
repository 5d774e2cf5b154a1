using System.Net;
using System.Text.Json.Nodes;
using Keel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Keel.Gigzilla.Api.Tests;

/// <summary>
/// Contract tests for seed 001's license routes, making the same calls and reading the same fields as the seed's
/// desktop LicenseManager: start-trial, validate (three machines on a two-device trial), license-info, health.
/// Each test uses its own server, so moving the clock affects only it.
/// </summary>
public sealed class SeedLicenseApiTests : IAsyncLifetime
{
    private readonly GigzillaServer _gigzilla = new();
    private KeelTestServer Server => _gigzilla.Server;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _gigzilla.InitializeAsync();
        _client = Server.CreateClient();
    }

    public Task DisposeAsync() => _gigzilla.DisposeAsync();

    private async Task<(string Email, string Key)> StartTrialAsync(string machine = "machine-1")
    {
        var email = KeelApi.NewEmail("freelancer");
        var trial = await (await _client.PostJsonAsync("/gigzilla/api/start-trial", new { email, machineId = machine })).JsonAsync();
        trial["success"]!.GetValue<bool>().ShouldBeTrue();
        return (email, trial["licenseKey"]!.GetValue<string>());
    }

    private async Task<JsonNode> ValidateAsync(string email, string key, string machine) =>
        await (await _client.PostJsonAsync("/gigzilla/api/validate", new { email, licenseKey = key, machineId = machine })).JsonAsync();

    [Fact]
    public async Task Start_trial_answers_success_a_license_key_and_a_date_fourteen_days_ahead()
    {
        var email = KeelApi.NewEmail();
        var trial = await (await _client.PostJsonAsync("/gigzilla/api/start-trial", new { email, machineId = "a1b2c3" })).JsonAsync();
        trial["success"]!.GetValue<bool>().ShouldBeTrue();
        trial["licenseKey"]!.GetValue<string>().ShouldMatch("^GZ(-[0-9A-Z]{5}){6}$");
        trial["validUntil"]!.GetValue<DateTimeOffset>().ShouldBe(_gigzilla.Time.GetUtcNow().AddDays(14));

        var mail = await Server.WaitForEmlAsync(email, "Your Gigzilla license key");
        mail.TextBody!.ShouldContain(trial["licenseKey"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_trial_refuses_a_registered_email_and_missing_fields_in_the_seeds_words()
    {
        var (email, _) = await StartTrialAsync();
        var again = await _client.PostJsonAsync("/gigzilla/api/start-trial", new { email = email.ToUpperInvariant(), machineId = "m" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await again.Content.ReadFromJsonAsync<JsonObject>();
        body!["success"]!.GetValue<bool>().ShouldBeFalse();
        body["error"]!.GetValue<string>().ShouldBe("Email already registered");

        var missing = await _client.PostJsonAsync("/gigzilla/api/start-trial", new { email = KeelApi.NewEmail() });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>().ShouldBe("Email and machine ID required");
    }

    [Fact]
    public async Task A_two_device_trial_validates_on_two_machines_and_reports_the_device_limit_on_a_third()
    {
        var (email, key) = await StartTrialAsync("machine-1");
        var first = await ValidateAsync(email, key, "machine-1");
        first["valid"]!.GetValue<bool>().ShouldBeTrue();
        first["status"]!.GetValue<string>().ShouldBe("trial");
        first["tier"]!.GetValue<string>().ShouldBe("free");
        first["validUntil"].ShouldNotBeNull();

        (await ValidateAsync(email, key, "machine-2"))["valid"]!.GetValue<bool>().ShouldBeTrue();
        var third = await ValidateAsync(email, key, "machine-3");
        third["valid"]!.GetValue<bool>().ShouldBeFalse();
        third["reason"]!.GetValue<string>().ShouldBe("Device limit reached");
        third["maxDevices"]!.GetValue<int>().ShouldBe(2);
        third["activeDevices"]!.GetValue<int>().ShouldBe(2);

        // The first two keep working.
        (await ValidateAsync(email, key, "machine-1"))["valid"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task The_license_is_expired_once_the_trial_has_ended()
    {
        var (email, key) = await StartTrialAsync();
        _gigzilla.Time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        var result = await ValidateAsync(email, key, "machine-1");
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["reason"]!.GetValue<string>().ShouldBe("License expired");
        result["code"]!.GetValue<string>().ShouldBe("EXPIRED");
    }

    [Theory]
    [InlineData(true, "GZ-00000-00000-00000-00000-00000-00000")]
    [InlineData(false, null)]
    public async Task A_wrong_email_or_key_is_license_not_found(bool wrongEmail, string? otherKey)
    {
        var (email, key) = await StartTrialAsync();
        var result = await ValidateAsync(wrongEmail ? KeelApi.NewEmail() : email, otherKey ?? key[..^1] + (key[^1] == 'A' ? 'B' : 'A'), "machine-1");
        result["valid"]!.GetValue<bool>().ShouldBeFalse();
        result["reason"]!.GetValue<string>().ShouldBe("License not found");
    }

    [Fact]
    public async Task Validate_without_every_field_is_400_missing_required_fields()
    {
        var response = await _client.PostJsonAsync("/gigzilla/api/validate", new { email = KeelApi.NewEmail(), licenseKey = "GZ-1" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        body!["valid"]!.GetValue<bool>().ShouldBeFalse();
        body["reason"]!.GetValue<string>().ShouldBe("Missing required fields");
    }

    [Fact]
    public async Task A_valid_answer_carries_an_offline_token_that_verifies_against_the_published_keys()
    {
        var (email, key) = await StartTrialAsync();
        var result = await ValidateAsync(email, key, "machine-1");
        var token = result["token"]!.GetValue<string>();

        var claims = await VerifyOfflineAsync(token);
        claims.GetClaim("email").Value.ShouldBe(email);
        claims.GetClaim("status").Value.ShouldBe("trial");
        claims.GetClaim("tier").Value.ShouldBe("free");
        claims.GetClaim("machine").Value.ShouldBe("machine-1");
        claims.ValidTo.ShouldBe(_gigzilla.Time.GetUtcNow().AddDays(7).UtcDateTime, TimeSpan.FromSeconds(1));
        claims.Alg.ShouldBe("ES256");
    }

    [Fact]
    public async Task Rotating_the_signing_key_keeps_earlier_tokens_verifiable()
    {
        var (email, key) = await StartTrialAsync();
        var before = (await ValidateAsync(email, key, "machine-1"))["token"]!.GetValue<string>();
        var tokens = Server.Services.GetRequiredService<Keel.Platform.Licensing.OfflineTokens>();
        var newKeyId = await tokens.RotateAsync(CancellationToken.None);
        var after = (await ValidateAsync(email, key, "machine-1"))["token"]!.GetValue<string>();

        (await VerifyOfflineAsync(before)).Kid.ShouldNotBe(newKeyId);
        (await VerifyOfflineAsync(after)).Kid.ShouldBe(newKeyId);
    }

    [Fact]
    public async Task A_forged_token_does_not_verify()
    {
        var (email, key) = await StartTrialAsync();
        var token = (await ValidateAsync(email, key, "machine-1"))["token"]!.GetValue<string>();
        var parts = token.Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("\"trial\"", "\"active\"");
        var forged = $"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}";
        await Should.ThrowAsync<SecurityTokenException>(() => VerifyOfflineAsync(forged));
    }

    [Fact]
    public async Task License_info_needs_proof_of_ownership()
    {
        var (email, key) = await StartTrialAsync();
        (await _client.GetAsync($"/gigzilla/api/license-info?email={Uri.EscapeDataString(email)}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _client.GetAsync($"/gigzilla/api/license-info?email={Uri.EscapeDataString(email)}&licenseKey=GZ-00000-00000-00000-00000-00000-00000"))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetAsync("/gigzilla/api/license-info")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var info = await (await _client.GetAsync($"/gigzilla/api/license-info?email={Uri.EscapeDataString(email)}&licenseKey={key}")).JsonAsync();
        info["email"]!.GetValue<string>().ShouldBe(email);
        info["status"]!.GetValue<string>().ShouldBe("trial");
        info["tier"]!.GetValue<string>().ShouldBe("free");
        info["max_devices"]!.GetValue<int>().ShouldBe(2);
        info["active_devices"]!.GetValue<int>().ShouldBe(1);
        info["valid_until"].ShouldNotBeNull();

        // An offline token for that email is proof too; one for another email is not.
        var token = (await ValidateAsync(email, key, "machine-1"))["token"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/gigzilla/api/license-info?email={Uri.EscapeDataString(email)}");
        request.Headers.Authorization = new("Bearer", token);
        (await (await _client.SendAsync(request)).JsonAsync())["max_devices"]!.GetValue<int>().ShouldBe(2);
        using var other = new HttpRequestMessage(HttpMethod.Get, $"/gigzilla/api/license-info?email={Uri.EscapeDataString(KeelApi.NewEmail())}");
        other.Headers.Authorization = new("Bearer", token);
        (await _client.SendAsync(other)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Verify_gives_a_subscription_token_only_with_the_license_key()
    {
        var (email, key) = await StartTrialAsync();
        (await _client.PostJsonAsync("/gigzilla/verify", new { email })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var verified = await (await _client.PostJsonAsync("/gigzilla/verify", new { email, licenseKey = key.ToLowerInvariant() })).JsonAsync();
        verified["valid"]!.GetValue<bool>().ShouldBeTrue();
        verified["status"]!.GetValue<string>().ShouldBe("trial");
        (await VerifyOfflineAsync(verified["token"]!.GetValue<string>())).GetClaim("email").Value.ShouldBe(email);
        (await _client.PostJsonAsync("/gigzilla/verify", new { email = KeelApi.NewEmail(), licenseKey = key })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Health_answers_status_and_timestamp()
    {
        var health = await (await _client.GetAsync("/gigzilla/health")).JsonAsync();
        health["status"]!.GetValue<string>().ShouldBe("ok");
        health["timestamp"].ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{\"email\":\"a@example.com\",\"licenseKey\":\"GZ-1\",\"machineId\":12}")]
    [InlineData("{\"email\":\"a@example.com\",\"licenseKey\":[1],\"machineId\":\"m\"}")]
    [InlineData("{\"email\":\"a@example.com\"")]
    public async Task Wrong_json_types_get_a_4xx_never_a_500(string body)
    {
        var response = await _client.PostRawAsync("/gigzilla/api/validate", body);
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    [Fact]
    public async Task A_giant_machine_id_is_refused()
    {
        var response = await _client.PostJsonAsync("/gigzilla/api/start-trial", new { email = KeelApi.NewEmail(), machineId = new string('m', 10_000) });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    /// <summary>What a desktop client does offline: check the signature against the JWKS it fetched earlier.</summary>
    private async Task<JsonWebToken> VerifyOfflineAsync(string token)
    {
        var jwks = new JsonWebKeySet(await _client.GetStringAsync("/.well-known/jwks.json"));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "keel",
            ValidAudience = "gigzilla",
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidateLifetime = false,
        });
        if (!result.IsValid) throw result.Exception as SecurityTokenException ?? new SecurityTokenException(result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }
}
