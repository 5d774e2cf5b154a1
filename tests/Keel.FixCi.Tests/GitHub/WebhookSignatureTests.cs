using System.Text;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Tests.GitHub;

public sealed class WebhookSignatureTests
{
    private const string DocumentedSecret = "It's a Secret to Everybody";
    private const string DocumentedSignature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private static readonly byte[] DocumentedPayload = Encoding.UTF8.GetBytes("Hello, World!");

    [Fact]
    public void GitHubs_documented_test_vector_is_valid()
    {
        WebhookSignature.Compute(DocumentedPayload, DocumentedSecret).ShouldBe(DocumentedSignature);
        WebhookSignature.IsValid(DocumentedPayload, DocumentedSignature, [DocumentedSecret]).ShouldBeTrue();
    }

    [Fact]
    public void Uppercase_hex_is_accepted()
    {
        var upper = "sha256=" + DocumentedSignature["sha256=".Length..].ToUpperInvariant();

        WebhookSignature.IsValid(DocumentedPayload, upper, [DocumentedSecret]).ShouldBeTrue();
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_refused()
    {
        WebhookSignature.IsValid(DocumentedPayload, DocumentedSignature, ["It's a Secret to Nobody"]).ShouldBeFalse();
    }

    [Fact]
    public void A_changed_body_is_refused()
    {
        WebhookSignature.IsValid(Encoding.UTF8.GetBytes("Hello, World?"), DocumentedSignature, [DocumentedSecret]).ShouldBeFalse();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1")]
    [InlineData("sha256=zz7107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    public void A_missing_or_malformed_header_is_refused(string? header)
    {
        WebhookSignature.IsValid(DocumentedPayload, header, [DocumentedSecret]).ShouldBeFalse();
    }

    [Fact]
    public void During_rotation_the_old_and_the_new_secret_are_both_accepted()
    {
        string[] secrets = ["the new secret", DocumentedSecret];
        var signedWithNew = WebhookSignature.Compute(DocumentedPayload, "the new secret");

        WebhookSignature.IsValid(DocumentedPayload, DocumentedSignature, secrets).ShouldBeTrue();
        WebhookSignature.IsValid(DocumentedPayload, signedWithNew, secrets).ShouldBeTrue();
        WebhookSignature.IsValid(DocumentedPayload, signedWithNew, [DocumentedSecret]).ShouldBeFalse();
    }

    [Fact]
    public void No_configured_secret_accepts_nothing()
    {
        WebhookSignature.IsValid(DocumentedPayload, DocumentedSignature, []).ShouldBeFalse();
        WebhookSignature.IsValid(DocumentedPayload, WebhookSignature.Compute(DocumentedPayload, ""), [""]).ShouldBeFalse();
    }
}
