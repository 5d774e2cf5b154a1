using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

using Shouldly;

namespace Keel.Testing;

/// <summary>Small conveniences for talking to the API the way a client would.</summary>
public static class KeelApi
{
    public static string NewEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@example.com";

    public const string Password = "correct horse battery staple";

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonNode.Parse(body)!;
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and returns it.</summary>
    public static async Task<JsonNode> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonNode.Parse(body)!;
        problem["status"]!.GetValue<int>().ShouldBe((int)expected);
        problem["title"].ShouldNotBeNull();
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Registers a fresh account; the client is signed in by its session cookie afterwards.</summary>
    public static async Task<(HttpClient Client, Guid Id, string Email)> SignUpAsync(this KeelTestServer server, string who = "user")
    {
        var client = server.CreateClient();
        var email = NewEmail(who);
        var me = await (await client.PostJsonAsync("/api/v1/auth/register", new { email, password = Password })).JsonAsync(HttpStatusCode.Created);
        return (client, me["id"]!.GetValue<Guid>(), email);
    }

    public static async Task<Guid> CreateOrganizationAsync(this HttpClient client, string name = "Acme")
    {
        var org = await (await client.PostJsonAsync("/api/v1/organizations", new { name })).JsonAsync(HttpStatusCode.Created);
        return org["id"]!.GetValue<Guid>();
    }

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
