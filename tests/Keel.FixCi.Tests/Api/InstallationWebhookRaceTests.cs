using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Keel.FixCi.Data;
using Keel.FixCi.Tests.GitHub;
using Keel.Platform.Data;
using Keel.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Tests.Api;

/// <summary>Deliveries about the same new installation arriving together: each is applied, none is taken for a duplicate.
/// (<see cref="Installations.RecordInstallationTests"/> forces the collision; here it happens when it happens.)</summary>
public sealed class InstallationWebhookRaceTests : IAsyncLifetime
{
    private const string Secret = "webhook secret";
    private readonly RSA _key = RSA.Create(2048);
    private KeelTestServer _server = null!;

    public async Task InitializeAsync() => _server = await KeelTestServer.StartAsync(o =>
    {
        o.Settings["Keel:FixCi:GitHub:AppId"] = GitHubAppHarness.AppId;
        o.Settings["Keel:FixCi:GitHub:PrivateKeyPem"] = _key.ExportRSAPrivateKeyPem();
        o.Settings["Keel:FixCi:GitHub:WebhookSecrets:0"] = Secret;
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public async Task Concurrent_deliveries_for_a_new_installation_are_all_applied_and_a_repeated_delivery_is_recorded_once()
    {
        for (long installation = 7001; installation <= 7010; installation++)
        {
            var created = Payload("created", installation, "repositories", installation * 10 + 1, "octo/widgets");
            var added = Payload("added", installation, "repositories_added", installation * 10 + 2, "octo/gadgets");
            var again = Guid.NewGuid().ToString();
            var responses = await Task.WhenAll(
                DeliverAsync(created, "installation", Guid.NewGuid().ToString()),
                DeliverAsync(added, "installation_repositories", Guid.NewGuid().ToString()),
                DeliverAsync(added, "installation_repositories", again),
                DeliverAsync(added, "installation_repositories", again));

            responses[0].StatusCode.ShouldBe(HttpStatusCode.Accepted);
            responses[1].StatusCode.ShouldBe(HttpStatusCode.Accepted);
            responses[2..].Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Accepted]);
            await using var scope = _server.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
            (await db.Set<Installation>().SingleAsync(i => i.Id == installation)).AccountLogin.ShouldBe("octo");
            (await db.Set<InstalledRepository>().Where(r => r.InstallationId == installation).OrderBy(r => r.Id).Select(r => r.FullName).ToListAsync())
                .ShouldBe(["octo/widgets", "octo/gadgets"]);
        }
    }

    private static string Payload(string action, long installation, string repositoriesField, long repositoryId, string fullName) => new JsonObject
    {
        ["action"] = action,
        ["installation"] = new JsonObject
        {
            ["id"] = installation,
            ["account"] = new JsonObject { ["login"] = "octo", ["id"] = 1, ["type"] = "Organization" },
            ["repository_selection"] = "selected",
            ["app_id"] = 123456,
        },
        [repositoriesField] = new JsonArray(new JsonObject { ["id"] = repositoryId, ["full_name"] = fullName, ["private"] = false }),
        ["sender"] = new JsonObject { ["login"] = "octocat" },
    }.ToJsonString();

    private async Task<HttpResponseMessage> DeliverAsync(string body, string eventName, string delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/fixci/github/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", eventName);
        request.Headers.Add("X-GitHub-Delivery", delivery);
        request.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body))));
        return await _server.CreateClient().SendAsync(request);
    }
}
