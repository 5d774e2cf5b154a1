using System.Net;

namespace Keel.Platform.Email.Templates;

internal static class LicenseEmail
{
    public static EmailContent Render(string product, string key, DateTimeOffset? expiresAt, string publicUrl)
    {
        var name = char.ToUpperInvariant(product[0]) + product[1..];
        var until = expiresAt is { } e ? $" It is valid until {e:MMMM d, yyyy}." : "";
        return new EmailContent(
            "license",
            $"Your {name} license key",
            $"""
            Here is your {name} license key:

                {key}

            Keep this email: the key restores your license on a new computer.{until}

            Manage your devices and plan at {publicUrl}.
            """,
            EmailLayout.Html(
                $"Your {name} license key",
                $"""<code style="font-size:18px;letter-spacing:1px">{WebUtility.HtmlEncode(key)}</code><br><br>Keep this email: the key restores your license on a new computer.{WebUtility.HtmlEncode(until)}""",
                "Manage your license", publicUrl));
    }
}
