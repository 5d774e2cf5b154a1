using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Clients;

/// <summary>Someone the freelancer works for; seed 001's Client without the derived payment history.</summary>
internal sealed record Client(string Id, string Name, string? Email, string ReminderStrategy)
{
    public string ShortId => StoredValues.ShortId(Id);
}
