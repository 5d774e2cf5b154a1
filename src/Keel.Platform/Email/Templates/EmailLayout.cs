using System.Net;

namespace Keel.Platform.Email.Templates;

/// <summary>The HTML frame shared by every email: inline styles only, since mail clients strip style sheets.</summary>
internal static class EmailLayout
{
    public static string Html(string heading, string paragraphHtml, string? buttonText = null, string? buttonUrl = null, string? footer = null)
    {
        var button = buttonUrl is null ? "" : $"""
            <p style="margin:24px 0"><a href="{WebUtility.HtmlEncode(buttonUrl)}" style="background:#1f4fd1;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">{WebUtility.HtmlEncode(buttonText)}</a></p>
            <p style="color:#555;font-size:13px">Or paste this address into your browser:<br><span style="word-break:break-all">{WebUtility.HtmlEncode(buttonUrl)}</span></p>
            """;
        var foot = footer is null ? "" : $"""<p style="color:#777;font-size:12px;margin-top:32px">{WebUtility.HtmlEncode(footer)}</p>""";
        return $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(heading)}</title></head>
            <body style="font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;background:#f6f7f9;padding:24px">
            <div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">
            <h1 style="font-size:20px;margin:0 0 16px">{WebUtility.HtmlEncode(heading)}</h1>
            <p style="font-size:15px;line-height:1.5">{paragraphHtml}</p>
            {button}{foot}
            </div></body></html>
            """;
    }
}
