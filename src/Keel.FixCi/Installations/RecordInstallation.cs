using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Keel.FixCi.Installations;

/// <summary>
/// Keeps <see cref="Installation"/> and <see cref="InstalledRepository"/> rows in step with what GitHub says: the
/// <c>installation</c> and <c>installation_repositories</c> webhooks, and each failed run (which names its installation
/// and repository even when the installation webhook was missed). Adds to the unit of work; the caller saves, with
/// <see cref="SaveAsync"/> when a new installation may be created by someone else at the same moment.
/// </summary>
internal static class RecordInstallation
{
    /// <summary>
    /// Runs <paramref name="stage"/> (which reads and adds to the unit of work) and saves. An <c>installation</c> webhook
    /// and a failed run's job for the same new installation both read "unknown" and insert the same row; the later
    /// insert hits the primary key. Then the unit of work is dropped and staged again in a fresh change tracker, where
    /// the read finds the other writer's row and updates it, so neither change is lost. A third writer on the same new
    /// repository can make the retry collide once more, hence a few attempts rather than one.
    /// </summary>
    public static async Task SaveAsync(KeelDbContext db, Func<Task> stage, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await stage();
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < SaveAttempts && UniqueViolation.Is(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private const int SaveAttempts = 3;

    public static async Task ApplyAsync(KeelDbContext db, InstallationEvent change, DateTimeOffset now, CancellationToken ct)
    {
        var installation = await FindOrAddAsync(db, change.InstallationId, now, ct);
        if (change.Account is { } account)
        {
            installation.AccountLogin = account.Login;
            installation.AccountType = account.Type;
        }

        switch (change.Action)
        {
            case "created":
                installation.DeletedAt = null;
                installation.SuspendedAt = null;
                break;
            case "deleted":
                installation.DeletedAt = now;
                break;
            case "suspend":
                installation.SuspendedAt = now;
                break;
            case "unsuspend":
                installation.SuspendedAt = null;
                break;
        }

        foreach (var added in change.Added)
        {
            var repository = await FindOrAddAsync(db, installation.Id, added.Id, added.FullName, now, ct);
            repository.InstallationId = installation.Id;
            repository.FullName = added.FullName;
            repository.RemovedAt = null;
        }
        var removed = change.Removed.Select(r => r.Id).ToArray();
        if (removed.Length > 0)
        {
            foreach (var repository in await db.Set<InstalledRepository>().Where(r => removed.Contains(r.Id) && r.InstallationId == installation.Id).ToListAsync(ct))
                repository.RemovedAt = now;
        }
    }

    /// <summary>The installation and repository of a failed run, created when unknown; the repository is null when the
    /// payload did not carry its id.</summary>
    public static async Task<(Installation Installation, InstalledRepository? Repository)> ObserveRunAsync(
        KeelDbContext db, WorkflowRunEvent run, DateTimeOffset now, CancellationToken ct)
    {
        var installation = await FindOrAddAsync(db, run.InstallationId, now, ct);
        if (installation.AccountLogin is null && run.Owner is { } owner)
        {
            installation.AccountLogin = owner.Login;
            installation.AccountType = owner.Type;
        }
        if (run.RepositoryId is not { } repositoryId) return (installation, null);
        var repository = await FindOrAddAsync(db, installation.Id, repositoryId, run.Repository.FullName, now, ct);
        repository.FullName = run.Repository.FullName;
        return (installation, repository);
    }

    private static async Task<Installation> FindOrAddAsync(KeelDbContext db, long id, DateTimeOffset now, CancellationToken ct)
    {
        var installation = db.Set<Installation>().Local.FirstOrDefault(i => i.Id == id)
            ?? await db.Set<Installation>().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is not null) return installation;
        installation = new Installation { Id = id, CreatedAt = now };
        db.Set<Installation>().Add(installation);
        return installation;
    }

    private static async Task<InstalledRepository> FindOrAddAsync(
        KeelDbContext db, long installationId, long id, string fullName, DateTimeOffset now, CancellationToken ct)
    {
        var repository = db.Set<InstalledRepository>().Local.FirstOrDefault(r => r.Id == id)
            ?? await db.Set<InstalledRepository>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (repository is not null) return repository;
        repository = new InstalledRepository { Id = id, InstallationId = installationId, FullName = fullName, CreatedAt = now };
        db.Set<InstalledRepository>().Add(repository);
        return repository;
    }
}
