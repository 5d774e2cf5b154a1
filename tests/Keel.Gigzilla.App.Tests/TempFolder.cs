namespace Keel.Gigzilla.App.Tests;

/// <summary>A data folder for one app, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gigzilla-app-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold a file a moment longer; the OS cleans temp folders.
        }
    }
}
