using System.Net;

namespace Keel.Platform.Email.Templates;

internal static class InvitationEmail
{
    public static EmailContent Render(string organization, string invitedBy, string role, string url, TimeSpan validFor)
    {
        var days = (int)Math.Round(validFor.TotalDays);
        return new EmailContent(
            "invitation",
            $"{invitedBy} invited you to {organization}",
            $"""
            {invitedBy} invited you to join {organization} as {role}.

            Accept the invitation (valid for {days} days):
            {url}

            If you do not know this person, ignore this email.
            """,
            EmailLayout.Html(
                $"Join {organization}",
                $"{WebUtility.HtmlEncode(invitedBy)} invited you to join <strong>{WebUtility.HtmlEncode(organization)}</strong> as {WebUtility.HtmlEncode(role)}. The invitation is valid for {days} days.",
                "Accept invitation", url,
                "If you do not know this person, ignore this email."));
    }
}
