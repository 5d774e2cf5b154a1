using System.IO.Compression;
using Keel.Gigzilla.Exchange;
using Microsoft.AspNetCore.Http;

namespace Keel.Gigzilla.App.Web;

/// <summary>Every table as CSV in one zip; always available, also when the license has ended.</summary>
internal static class ExportEndpoint
{
    public static IResult Get(Workspace workspace)
    {
        var folder = Directory.CreateTempSubdirectory("gigzilla-export-").FullName;
        try
        {
            workspace.Use(store => ExportCsv.Run(store, folder));
            var zip = new MemoryStream();
            ZipFile.CreateFromDirectory(folder, zip);
            zip.Position = 0;
            var name = $"gigzilla-export-{workspace.Clock.GetUtcNow():yyyyMMdd}.zip";
            return Results.File(zip, "application/zip", name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
