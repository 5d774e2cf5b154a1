using System.Net.Http.Json;
using System.Text.Json;

namespace Keel.Gigzilla.App.Web.License;

/// <summary>
/// The calls seed 001's LicenseManager makes to the license server (<c>GIGZILLA_API_URL</c>), plus the JWKS and seed
/// 000's referral stats. Every method returns null when the server cannot be reached: the app then works offline.
/// </summary>
internal sealed class LicenseServer(HttpClient http, Uri apiUrl)
{
    public Uri ApiUrl => apiUrl;

    public sealed record TrialAnswer(bool Success, string? LicenseKey, string? Error);

    public sealed record ValidateAnswer(bool Valid, string? Status, string? Tier, DateTimeOffset? ValidUntil, string? Token, string? Reason, string? Code);

    public sealed record InfoAnswer(string? Email, string? Status, string? Tier, DateTimeOffset? Valid_until, int Max_devices, int Active_devices);

    public sealed record ReferralAnswer(string? ReferralCode, string? ReferralLink, int TotalReferrals, int PendingReferrals, long CreditsEarned, string? Currency);

    public Task<TrialAnswer?> StartTrialAsync(string email, string machineId, CancellationToken ct) =>
        PostAsync<TrialAnswer>("/api/start-trial", new { email, machineId }, ct);

    public Task<ValidateAnswer?> ValidateAsync(LicenseRecord record, CancellationToken ct) =>
        PostAsync<ValidateAnswer>("/api/validate", new { email = record.Email, licenseKey = record.LicenseKey, machineId = record.MachineId }, ct);

    public Task<ReferralAnswer?> ReferralStatsAsync(LicenseRecord record, CancellationToken ct) =>
        PostAsync<ReferralAnswer>("/referral-stats", new { email = record.Email, licenseKey = record.LicenseKey }, ct);

    public async Task<InfoAnswer?> LicenseInfoAsync(LicenseRecord record, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{apiUrl}/api/license-info?email={Uri.EscapeDataString(record.Email)}");
        request.Headers.Add("X-License-Key", record.LicenseKey);
        return await SendAsync<InfoAnswer>(request, ct);
    }

    /// <summary>The server's published public keys, as JSON, from <c>/.well-known/jwks.json</c> at the server's root.</summary>
    public async Task<string?> JwksAsync(CancellationToken ct)
    {
        try
        {
            var json = await http.GetStringAsync(new Uri(apiUrl, "/.well-known/jwks.json"), ct);
            using var parsed = JsonDocument.Parse(json);
            return parsed.RootElement.TryGetProperty("keys", out _) ? json : null;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }

    private async Task<T?> PostAsync<T>(string path, object body, CancellationToken ct)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{apiUrl}{path}") { Content = JsonContent.Create(body) };
        return await SendAsync<T>(request, ct);
    }

    // The seed routes answer refusals with a JSON body (400 "Email already registered", 404 "License not found"), read like successes.
    private async Task<T?> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
        where T : class
    {
        try
        {
            using var response = await http.SendAsync(request, ct);
            if ((int)response.StatusCode >= 500 || response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) != true)
            {
                return null;
            }

            return await response.Content.ReadFromJsonAsync<T>(new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException)
        {
            return null;
        }
    }
}
