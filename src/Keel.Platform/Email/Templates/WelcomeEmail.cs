namespace Keel.Platform.Email.Templates;

internal static class WelcomeEmail
{
    public static EmailContent Render(string publicUrl) => new(
        "welcome",
        "Welcome to Keel",
        $"""
        Welcome! Your account is ready.

        Sign in at any time from {publicUrl}: with your password, or with a link we email you.
        """,
        EmailLayout.Html(
            "Welcome",
            "Your account is ready. Sign in at any time with your password, or with a link we email you.",
            "Open Keel", publicUrl));
}
