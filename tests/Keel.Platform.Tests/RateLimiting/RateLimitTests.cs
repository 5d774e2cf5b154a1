using System.Net;
using System.Net.Http.Headers;
using Keel.Testing;

namespace Keel.Platform.Tests.RateLimiting;

public sealed class RateLimitTests
{
    [Fact]
    public async Task The_fourth_login_attempt_for_one_email_in_fifteen_minutes_gets_429_with_retry_after()
    {
        await using var server = await KeelTestServer.StartAsync();
        var (_, _, email) = await server.SignUpAsync();
        var client = server.CreateClient();
        for (var i = 0; i < 3; i++)
            (await client.PostJsonAsync("/api/v1/auth/login", new { email, password = "wrong password!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        // Even the right password is refused now: the limit counts attempts, not failures.
        var fourth = await client.PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password });
        var problem = await fourth.ProblemAsync(HttpStatusCode.TooManyRequests);
        problem["detail"]!.GetValue<string>().ShouldContain("Try again in");
        var retryAfter = int.Parse(fourth.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(890, 900);

        // Another address is not affected.
        var (_, _, other) = await server.SignUpAsync();
        (await client.PostJsonAsync("/api/v1/auth/login", new { email = other, password = KeelApi.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_authenticated_api_limit_counts_per_key()
    {
        await using var server = await KeelTestServer.StartAsync(o => o.Settings["Keel:Limits:Api:Permits"] = "5");
        var (client, _, _) = await server.SignUpAsync();
        var key = (await (await client.PostJsonAsync("/api/v1/api-keys", new { name = "busy" })).JsonAsync(HttpStatusCode.Created))["secret"]!.GetValue<string>();
        using var withKey = new HttpClient { BaseAddress = server.Address };
        withKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        for (var i = 0; i < 5; i++) (await withKey.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var limited = await withKey.GetAsync("/api/v1/me");
        await limited.ProblemAsync(HttpStatusCode.TooManyRequests);
        limited.Headers.Contains("Retry-After").ShouldBeTrue();
    }

    [Fact]
    public async Task Magic_link_verification_is_limited_per_client()
    {
        await using var server = await KeelTestServer.StartAsync(o => o.Settings["Keel:Limits:MagicLinkVerify:Permits"] = "10");
        var client = server.CreateClient();
        for (var i = 0; i < 10; i++)
            (await client.PostJsonAsync("/api/v1/auth/magic-link/verify", new { token = $"guess-{i}" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await client.PostJsonAsync("/api/v1/auth/magic-link/verify", new { token = "guess-11" })).ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Two_instances_on_one_postgres_and_one_redis_share_the_login_limit()
    {
        var redis = await SharedRedis.GetAsync();
        var redisDatabase = redis.CreateDatabase();
        await using var first = await KeelTestServer.StartAsync(o => { o.Database = Db.Postgres; o.Redis = redisDatabase; });
        await using var second = await KeelTestServer.StartAsync(o =>
        {
            o.Database = Db.Postgres;
            o.ConnectionString = first.ConnectionString;
            o.Redis = redisDatabase;
        });

        var (_, _, email) = await first.SignUpAsync();
        var a = first.CreateClient();
        for (var i = 0; i < 3; i++)
            (await a.PostJsonAsync("/api/v1/auth/login", new { email, password = "wrong password!" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var onOther = await second.CreateClient().PostJsonAsync("/api/v1/auth/login", new { email, password = KeelApi.Password });
        await onOther.ProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Readiness_reports_redis_when_it_is_configured()
    {
        var redis = await SharedRedis.GetAsync();
        await using var server = await KeelTestServer.StartAsync(o => o.Redis = redis.CreateDatabase());
        var ready = await (await server.CreateClient().GetAsync("/health/ready")).JsonAsync();
        ready["checks"]!["redis"]!.GetValue<string>().ShouldBe("ok");
        ready["checks"]!["database"]!.GetValue<string>().ShouldBe("ok");
    }
}
