using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Keel.Testing.OpenAi;

/// <summary>
/// An OpenAI-compatible <c>POST /v1/chat/completions</c> on 127.0.0.1: checks the bearer key, records every request
/// body, and answers in the chat completion shape with <see cref="Reply"/>'s text; or, as a failing service would,
/// with an error status (<see cref="FailWith"/>) or not at all until the client gives up (<see cref="Hang"/>).
/// </summary>
public sealed class FakeOpenAi : IAsyncDisposable
{
    readonly object gate = new();
    readonly List<JsonNode> received = [];
    readonly CancellationTokenSource stopping = new();
    WebApplication? app;
    HttpStatusCode? failure;
    bool hang;

    FakeOpenAi(string apiKey) => ApiKey = apiKey;

    public string ApiKey { get; }

    /// <summary>Where the API listens, e.g. <c>http://127.0.0.1:41234</c>: the client's base URL.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The assistant's answer to the last user message; by default "Model: " and the message's second line.</summary>
    public Func<string, string> Reply { get; set; } = user => "Model: " + (user.Split('\n').ElementAtOrDefault(1) ?? user);

    /// <summary>Request bodies received with the right key, oldest first.</summary>
    public IReadOnlyList<JsonNode> Received
    {
        get
        {
            lock (gate) return received.Select(r => r.DeepClone()).ToArray();
        }
    }

    /// <summary>From now on, answer every request with this status and an OpenAI error body.</summary>
    public void FailWith(HttpStatusCode status)
    {
        lock (gate) failure = status;
    }

    /// <summary>From now on, never answer (until the client cancels or the fake stops).</summary>
    public void Hang()
    {
        lock (gate) hang = true;
    }

    public static async Task<FakeOpenAi> StartAsync(string apiKey = "sk-test-key")
    {
        var fake = new FakeOpenAi(apiKey);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", (Delegate)fake.CompleteAsync);
        app.MapFallback(() => Error(404, "Unknown request URL", "invalid_request_error"));
        await app.StartAsync();
        fake.app = app;
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        return fake;
    }

    async Task<IResult> CompleteAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
            return Error(401, "Incorrect API key provided.", "invalid_request_error");
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Error(400, "We could not parse the JSON body of your request.", "invalid_request_error");
        }
        if (body?["model"] is null || body["messages"] is not JsonArray messages || messages.Count == 0)
            return Error(400, "'model' and 'messages' are required.", "invalid_request_error");

        HttpStatusCode? fail;
        bool wait;
        lock (gate)
        {
            received.Add(body.DeepClone());
            fail = failure;
            wait = hang;
        }
        if (wait)
        {
            using var both = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping.Token);
            await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }
        if (fail is { } status) return Error((int)status, "The server had an error while processing your request.", "server_error");

        var user = messages.LastOrDefault(m => m?["role"]?.GetValue<string>() == "user")?["content"]?.GetValue<string>() ?? "";
        return Results.Text(new JsonObject
        {
            ["id"] = "chatcmpl-" + Guid.NewGuid().ToString("N"),
            ["object"] = "chat.completion",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["model"] = body["model"]!.GetValue<string>(),
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply(user) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 50, ["completion_tokens"] = 12, ["total_tokens"] = 62 },
        }.ToJsonString(), "application/json");
    }

    static IResult Error(int status, string message, string type) =>
        Results.Text(new JsonObject { ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = null } }.ToJsonString(),
            "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
        stopping.Dispose();
    }
}
