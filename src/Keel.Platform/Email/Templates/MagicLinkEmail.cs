namespace Keel.Platform.Email.Templates;

internal static class MagicLinkEmail
{
    public static EmailContent Render(string url, TimeSpan validFor)
    {
        var minutes = (int)validFor.TotalMinutes;
        return new EmailContent(
            "magic-link",
            "Your sign-in link",
            $"""
            Click the link below to sign in. It works once and expires in {minutes} minutes.

            {url}

            If you did not ask to sign in, ignore this email: nobody can use the link without access to your inbox.
            """,
            EmailLayout.Html(
                "Sign in",
                $"Click the button to sign in. The link works once and expires in {minutes} minutes.",
                "Sign in", url,
                "If you did not ask to sign in, ignore this email: nobody can use the link without access to your inbox."));
    }
}
