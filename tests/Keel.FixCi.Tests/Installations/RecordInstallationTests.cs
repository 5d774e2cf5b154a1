using Keel.FixCi.Data;
using Keel.FixCi.GitHub;
using Keel.FixCi.Installations;
using Keel.Platform.Data;
using Keel.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.FixCi.Tests.Installations;

/// <summary>An <c>installation</c> webhook and a failed run's job meeting a new installation at the same moment.</summary>
public sealed class RecordInstallationTests
{
    private const long InstallationId = 4242;

    [Theory]
    [InlineData(Db.Sqlite)]
    [InlineData(Db.Postgres)]
    public async Task A_webhook_that_loses_the_race_to_create_the_installation_applies_its_change_to_the_winners_row(Db database)
    {
        await using var server = await KeelTestServer.StartAsync(o => o.Database = database);
        var now = DateTimeOffset.UtcNow;
        var change = new InstallationEvent(InstallationId, "created", new GitHubAccount("octo", "Organization"),
            [new InstallationRepository(1, "octo/widgets"), new InstallationRepository(2, "octo/gadgets")], []);
        var run = new WorkflowRunEvent(InstallationId, new RepositoryName("octo", "widgets"), "main", 7, 1, 3, "CI", new string('a', 40), "fix",
            "failure", null, [], RepositoryId: 1, Owner: new GitHubAccount("octo", "User"));

        await using var webhookScope = server.Services.CreateAsyncScope();
        var webhook = webhookScope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var stages = 0;
        await RecordInstallation.SaveAsync(webhook, async () =>
        {
            await RecordInstallation.ApplyAsync(webhook, change, now, CancellationToken.None);
            if (stages++ > 0) return;
            // Between the webhook's read ("unknown installation") and its insert, the job records the same installation.
            await using var jobScope = server.Services.CreateAsyncScope();
            var job = jobScope.ServiceProvider.GetRequiredService<KeelDbContext>();
            await RecordInstallation.ObserveRunAsync(job, run, now, CancellationToken.None);
            await job.SaveChangesAsync();
        }, CancellationToken.None);

        stages.ShouldBe(2);
        await using var readScope = server.Services.CreateAsyncScope();
        var db = readScope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var installation = await db.Set<Installation>().AsNoTracking().SingleAsync();
        installation.Id.ShouldBe(InstallationId);
        installation.AccountType.ShouldBe("Organization");
        (await db.Set<InstalledRepository>().AsNoTracking().OrderBy(r => r.Id).Select(r => r.FullName).ToListAsync()).ShouldBe(["octo/widgets", "octo/gadgets"]);
    }

    [Fact]
    public async Task A_save_that_fails_for_another_reason_is_not_retried()
    {
        await using var server = await KeelTestServer.StartAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        var stages = 0;
        // A repository of an installation that does not exist: a foreign key, not a unique key, is violated.
        await Should.ThrowAsync<DbUpdateException>(RecordInstallation.SaveAsync(db, () =>
        {
            stages++;
            db.Set<InstalledRepository>().Add(new InstalledRepository { Id = 9, InstallationId = 999, FullName = "x/y", CreatedAt = DateTimeOffset.UtcNow });
            return Task.CompletedTask;
        }, CancellationToken.None));
        stages.ShouldBe(1);
    }
}
