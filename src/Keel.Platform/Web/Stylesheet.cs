using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Keel.Platform.Web;

/// <summary>The one hand-written stylesheet, embedded in the assembly and served with an ETag.</summary>
internal static class Stylesheet
{
    public sealed record Asset(byte[] Bytes, string ETag);

    public static Asset Load()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Keel.Platform.Web.keel.css")
            ?? throw new InvalidOperationException("The stylesheet is missing from the assembly.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var bytes = memory.ToArray();
        return new Asset(bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
    }

    public static IResult Serve(HttpContext http, Asset css)
    {
        http.Response.Headers.ETag = css.ETag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        if (http.Request.Headers.IfNoneMatch == css.ETag) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Bytes(css.Bytes, "text/css; charset=utf-8");
    }
}
