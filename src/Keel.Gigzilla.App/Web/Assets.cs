using Microsoft.AspNetCore.Http;

namespace Keel.Gigzilla.App.Web;

/// <summary>The stylesheet and the script, embedded in the executable so that <c>gigzilla</c> is one file to ship.</summary>
internal static class Assets
{
    private static readonly Dictionary<string, (byte[] Bytes, string Type)> Files = new(StringComparer.Ordinal)
    {
        ["app.css"] = (Read("app.css"), "text/css; charset=utf-8"),
        ["app.js"] = (Read("app.js"), "text/javascript; charset=utf-8"),
    };

    public static IResult Get(string name) =>
        Files.TryGetValue(name, out var file) ? Results.Bytes(file.Bytes, file.Type) : Results.NotFound();

    private static byte[] Read(string name)
    {
        using var stream = typeof(Assets).Assembly.GetManifestResourceStream($"Gigzilla.Web.{name}")
            ?? throw new InvalidOperationException($"The app's {name} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
