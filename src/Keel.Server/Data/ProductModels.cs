using Microsoft.EntityFrameworkCore;

namespace Keel.Server.Data;

/// <summary>Where the host adds each product module's entity configurations to the one model. A module that stores
/// data adds a line here (<c>modelBuilder.ApplyConfigurationsFromAssembly(typeof(SomeModuleType).Assembly)</c>)
/// and a migration for each provider.</summary>
internal static class ProductModels
{
    public static void Apply(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Keel.FixCi.FixCiModule).Assembly);
}
