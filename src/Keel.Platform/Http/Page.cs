using System.Net;
using Microsoft.AspNetCore.Http;

namespace Keel.Platform.Http;

/// <summary>A minimal server-rendered page for the few flows that start from a link in an email (sign-in,
/// invitation). They work without JavaScript and carry no third-party content.</summary>
internal static class Page
{
    public static IResult Render(string title, string bodyHtml, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>{{WebUtility.HtmlEncode(title)}} · Keel</title>
            <style>
              body { font-family: system-ui, sans-serif; background: #f6f7f9; color: #1a1a1a; margin: 0; padding: 2rem 1rem; }
              main { max-width: 32rem; margin: 0 auto; background: #fff; border-radius: .5rem; padding: 2rem; box-shadow: 0 1px 3px #0002; }
              h1 { font-size: 1.4rem; margin-top: 0; }
              button { background: #1f4fd1; color: #fff; border: 0; border-radius: .4rem; padding: .75rem 1.25rem; font-size: 1rem; cursor: pointer; }
              button:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
            </style>
            </head>
            <body><main>
            <h1>{{WebUtility.HtmlEncode(title)}}</h1>
            {{bodyHtml}}
            </main></body>
            </html>
            """, "text/html; charset=utf-8", statusCode: statusCode);

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
