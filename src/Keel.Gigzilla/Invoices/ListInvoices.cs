using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Invoices;

/// <summary>All invoices, newest first.</summary>
internal static class ListInvoices
{
    public static IReadOnlyList<Invoice> Run(GigzillaStore store) =>
        store.Query($"{Invoice.SelectSql} ORDER BY i.created_date DESC, i.number DESC", Invoice.Read);
}
