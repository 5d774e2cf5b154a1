using System.Xml.Linq;
using Keel.Platform.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Keel.Platform.Web;

/// <summary>
/// A Data Protection key (antiforgery tokens are sealed with these), kept in the database so that every instance on
/// one database accepts the forms the others rendered. The key's XML holds its secret: it is stored sealed with the
/// server's <see cref="SecretBox"/>.
/// </summary>
internal sealed class DataProtectionKey
{
    public Guid Id { get; init; }
    public required string FriendlyName { get; init; }
    public required string XmlSealed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("data_protection_keys");
        b.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

/// <summary>Data Protection's key ring, read from and written to <see cref="DataProtectionKey"/> rows.</summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, SecretBox box, TimeProvider time) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        return db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.CreatedAt).AsEnumerable()
            .Select(k => XElement.Parse(box.Open(k.XmlSealed)))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KeelDbContext>();
        db.Set<DataProtectionKey>().Add(new DataProtectionKey
        {
            Id = Ids.New(time),
            FriendlyName = friendlyName,
            XmlSealed = box.Seal(element.ToString(SaveOptions.DisableFormatting)),
            CreatedAt = time.GetUtcNow(),
        });
        db.SaveChanges();
    }
}
