using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.GitHub;

public sealed class AppJwtTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_app_jwt_is_RS256_issued_a_minute_ago_by_the_app_and_expires_within_ten_minutes()
    {
        using var key = RSA.Create(2048);

        var jwt = AppJwt.Create("123456", key, Now);

        var parts = jwt.Split('.');
        parts.Length.ShouldBe(3);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        header.RootElement.GetProperty("alg").GetString().ShouldBe("RS256");
        header.RootElement.GetProperty("typ").GetString().ShouldBe("JWT");

        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        var claims = payload.RootElement;
        claims.GetProperty("iss").GetString().ShouldBe("123456");
        claims.GetProperty("iat").GetInt64().ShouldBe(Now.ToUnixTimeSeconds() - 60);
        var exp = claims.GetProperty("exp").GetInt64();
        exp.ShouldBeGreaterThan(Now.ToUnixTimeSeconds());
        exp.ShouldBeLessThanOrEqualTo(Now.AddMinutes(10).ToUnixTimeSeconds());
        (exp - claims.GetProperty("iat").GetInt64()).ShouldBeLessThanOrEqualTo(600);

        key.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeTrue();
    }

    [Fact]
    public void The_signature_does_not_verify_with_another_key()
    {
        using var key = RSA.Create(2048);
        using var other = RSA.Create(2048);

        var parts = AppJwt.Create("1", key, Now).Split('.');

        other.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).ShouldBeFalse();
    }
}
