using StackExchange.Redis;

namespace Keel.Testing.Tests;

public sealed class RedisServerTests
{
    [Fact]
    public async Task Set_then_get_returns_the_value()
    {
        var server = await SharedRedis.GetAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.CreateDatabase());
        var db = redis.GetDatabase();

        await db.StringSetAsync("greeting", "hello");

        ((string?)await db.StringGetAsync("greeting")).ShouldBe("hello");
    }

    [Fact]
    public async Task A_lua_script_runs_atomically_on_the_server()
    {
        var server = await SharedRedis.GetAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.CreateDatabase());
        var db = redis.GetDatabase();

        var result = await db.ScriptEvaluateAsync(
            "redis.call('INCRBY', KEYS[1], ARGV[1]); return redis.call('INCRBY', KEYS[1], ARGV[1])",
            [new RedisKey("counter")], [5]);

        ((long)result).ShouldBe(10);
    }

    [Fact]
    public async Task Created_databases_are_isolated_from_each_other()
    {
        var server = await SharedRedis.GetAsync();
        await using var first = await ConnectionMultiplexer.ConnectAsync(server.CreateDatabase());
        await using var second = await ConnectionMultiplexer.ConnectAsync(server.CreateDatabase());

        await first.GetDatabase().StringSetAsync("shared-name", "first");

        (await second.GetDatabase().KeyExistsAsync("shared-name")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_server_keeps_nothing_on_disk()
    {
        var server = await SharedRedis.GetAsync();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");

        var config = await redis.GetServer(server.Host, server.Port).ConfigGetAsync("*");

        config.Single(pair => pair.Key == "save").Value.ShouldBeEmpty();
        config.Single(pair => pair.Key == "appendonly").Value.ShouldBe("no");
        config.Single(pair => pair.Key == "bind").Value.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task A_disposed_server_refuses_connections()
    {
        var server = await RedisServer.StartAsync();
        var connectionString = server.ConnectionString;
        await using (var redis = await ConnectionMultiplexer.ConnectAsync(connectionString))
        {
            (await redis.GetDatabase().StringSetAsync("alive", 1)).ShouldBeTrue();
        }

        await server.DisposeAsync();

        await Should.ThrowAsync<RedisConnectionException>(() =>
            ConnectionMultiplexer.ConnectAsync($"{connectionString},connectTimeout=1000,abortConnect=true"));
    }
}
