using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.App.Web;

/// <summary>
/// The one open store of the running app. A <see cref="GigzillaStore"/> is a single SQLite connection, so requests
/// take turns on it; a freelancer's requests are few and each use case is a few milliseconds.
/// </summary>
internal sealed class Workspace(string dataDirectory, TimeProvider clock) : IDisposable
{
    private readonly Lock gate = new();
    private GigzillaStore? store;

    public string DataDirectory { get; } = dataDirectory;

    public TimeProvider Clock { get; } = clock;

    public T Use<T>(Func<GigzillaStore, T> work)
    {
        lock (gate)
        {
            store ??= GigzillaStore.Open(DataDirectory, Clock);
            return work(store);
        }
    }

    /// <summary>Runs <paramref name="work"/> with the store closed (a restore replaces its files), then reopens it.</summary>
    public T Closed<T>(Func<T> work)
    {
        lock (gate)
        {
            store?.Dispose();
            store = null;
            return work();
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            store?.Dispose();
            store = null;
        }
    }
}
