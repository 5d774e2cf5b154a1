using Keel.Platform.Licensing;

namespace Keel.Platform.Tests.Licensing;

public sealed class LicenseKeyTests
{
    [Fact]
    public void A_key_has_a_product_prefix_six_groups_and_at_least_128_random_bits()
    {
        var key = LicenseKeys.New("gigzilla");
        key.ShouldMatch("^GZ(-[0-9A-HJKMNP-TV-Z]{5}){6}$");
        // 30 characters of a 32-symbol alphabet: 150 bits.
        (30 * Math.Log2(32)).ShouldBeGreaterThanOrEqualTo(128);
    }

    [Fact]
    public void Keys_do_not_repeat()
    {
        var keys = Enumerable.Range(0, 10_000).Select(_ => LicenseKeys.New("studio")).ToHashSet();
        keys.Count.ShouldBe(10_000);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GZ")]
    [InlineData("GZ-123")]
    [InlineData("12-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")]
    [InlineData("GZ-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAA!")]
    [InlineData("GZ-UUUUU-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA")]
    public void Malformed_keys_have_no_canonical_form(string text) => LicenseKeys.Canonical(text).ShouldBeNull();

    [Fact]
    public void The_canonical_form_ignores_case_spacing_and_look_alikes()
    {
        var key = LicenseKeys.New("gigzilla");
        LicenseKeys.Canonical(key.ToLowerInvariant().Replace('-', ' ').Replace("gz ", "gz-")).ShouldBe(key);
        LicenseKeys.Canonical(key.Replace('0', 'O').Replace('1', 'I')).ShouldBe(key);
    }
}
