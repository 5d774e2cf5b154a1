using Keel.Platform.Data;
using Microsoft.AspNetCore.Http;

namespace Keel.Platform.Audit;

/// <summary>Adds audit events to the current unit of work, so they commit with the change they describe.</summary>
public sealed class AuditLog(KeelDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public void Record(string action, Guid? actorId, Guid? organizationId = null, string? target = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            Id = Ids.New(time),
            OccurredAt = time.GetUtcNow(),
            Action = action,
            ActorId = actorId,
            OrganizationId = organizationId,
            Target = target is { Length: > 300 } ? target[..300] : target,
            IpAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        });
}

/// <summary>The actions the audit log knows; stable strings, since clients filter on them.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string SignInFailed = "auth.sign_in_failed";
    public const string SignOut = "auth.sign_out";
    public const string AccountCreated = "account.created";
    public const string PasswordChanged = "account.password_changed";
    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";
    public const string ApiKeyRegenerated = "api_key.regenerated";
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationRenamed = "organization.renamed";
    public const string OrganizationDeleted = "organization.deleted";
    public const string MemberInvited = "organization.member_invited";
    public const string InvitationRevoked = "organization.invitation_revoked";
    public const string MemberJoined = "organization.member_joined";
    public const string RoleChanged = "organization.role_changed";
    public const string MemberRemoved = "organization.member_removed";
    public const string LicenseCreated = "license.created";
    public const string PlanGranted = "billing.plan_granted";
    public const string MachineActivated = "license.machine_activated";
    public const string MachineDeactivated = "license.machine_deactivated";
}
