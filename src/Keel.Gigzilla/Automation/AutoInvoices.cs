using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Mail;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.Settings;
using Keel.Gigzilla.Store;

namespace Keel.Gigzilla.Automation;

/// <summary>
/// Seed 000's auto-invoice: marking a project done (with <c>autoInvoiceEnabled</c>) schedules its invoice for the next
/// business day (Monday to Friday) at 09:00 local time after <c>autoInvoiceDelay</c> days. Until then the user can
/// cancel it, or prepare the draft (lines, VAT), which is what goes. When due, the engine creates the invoice if
/// there is none, numbers and sends it, and queues the mail with the PDF and the e-invoice.
/// </summary>
internal static class AutoInvoices
{
    public static readonly TimeOnly SendTime = new(9, 0);

    public sealed record Scheduled(string ProjectId, string ProjectTitle, string? ClientName, string? ClientEmail, Money? Amount, DateTimeOffset DueAt, string Status, string? Note);

    /// <summary>09:00 local on the next business day after <paramref name="doneLocal"/> plus <paramref name="delayDays"/>.</summary>
    public static DateTimeOffset DueAt(DateTimeOffset doneLocal, int delayDays, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(doneLocal.DateTime).AddDays(Math.Max(0, delayDays) + 1);
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        var local = date.ToDateTime(SendTime, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>Schedules the project's invoice when the settings ask for it; call in the transaction that marks it done.</summary>
    public static Scheduled? ScheduleOnDone(GigzillaStore store, Project project)
    {
        var settings = SettingsDocuments.LoadSettings(store);
        if (!settings.AutoInvoiceEnabled || project.HasOpenInvoice)
        {
            return null;
        }

        var dueAt = DueAt(store.Clock.GetLocalNow(), settings.AutoInvoiceDelay, store.Clock.LocalTimeZone);
        var now = store.Timestamp();
        store.Execute(
            """
            INSERT INTO auto_invoices (project_id, due_at, status, created_at, updated_at) VALUES ($project, $due, 'scheduled', $now, $now)
            ON CONFLICT (project_id) DO UPDATE SET due_at = excluded.due_at, status = 'scheduled', invoice_id = NULL, note = NULL, updated_at = excluded.updated_at
            """,
            ("$project", project.Id),
            ("$due", dueAt),
            ("$now", now));
        return For(store, project.Id);
    }

    public static Scheduled? For(GigzillaStore store, string projectId) =>
        store.Query($"{SelectSql} WHERE a.project_id = $id", Read, ("$id", projectId)).FirstOrDefault();

    /// <summary>Auto-invoices still waiting, soonest first.</summary>
    public static IReadOnlyList<Scheduled> ListScheduled(GigzillaStore store) =>
        store.Query($"{SelectSql} WHERE a.status = 'scheduled' ORDER BY a.due_at", Read);

    /// <summary>Cancels a waiting auto-invoice; the project stays done and can be invoiced by hand.</summary>
    public static Outcome<Scheduled> Cancel(GigzillaStore store, string projectReference) =>
        store.Write<Scheduled>(() =>
        {
            var found = FindProject.Run(store, projectReference);
            if (found.Value is not { } project)
            {
                return found.Failure!;
            }

            var scheduled = For(store, project.Id);
            if (scheduled is not { Status: "scheduled" })
            {
                return new Failure($"project {project.ShortId} '{project.Title}' has no invoice waiting to go out{(scheduled is null ? "" : $" (it is {scheduled.Status})")}");
            }

            store.Execute(
                "UPDATE auto_invoices SET status = 'cancelled', note = 'cancelled by the user', updated_at = $now WHERE project_id = $id",
                ("$now", store.Timestamp()),
                ("$id", project.Id));
            return scheduled with { Status = "cancelled" };
        });

    /// <summary>Sends one due auto-invoice: everything in one transaction, or nothing and the row marked failed.</summary>
    internal static Outcome<InvoiceMail.Composed> Fire(GigzillaStore store, Scheduled scheduled)
    {
        if (OpenInvoices(store, scheduled).FirstOrDefault(invoice => invoice.Status != InvoiceStatus.Draft) is { } already)
        {
            // Invoiced by hand in the meantime: nothing left to do.
            store.Write(() =>
            {
                MarkDone(store, scheduled, "sent", already.Id, $"already invoiced as {already.Label}");
                return (Outcome<bool>)true;
            });
            return new Failure($"{scheduled.ProjectTitle} was already invoiced by hand as {already.Label}");
        }

        var fired = store.Write<InvoiceMail.Composed>(() =>
        {
            if (scheduled.ClientEmail is not { Length: > 0 })
            {
                return new Failure($"client {scheduled.ClientName ?? "(none)"} has no email address: gigzilla clients set \"{scheduled.ClientName}\" --email ADDRESS, then gigzilla invoice send");
            }

            if (SettingsDocuments.LoadProfile(store).Email.Length == 0)
            {
                return new Failure("your email address is not set: gigzilla profile set email you@example.com");
            }

            var draft = OpenInvoices(store, scheduled).FirstOrDefault();
            if (draft is null)
            {
                var created = CreateInvoice.Run(store, scheduled.ProjectId);
                if (created.Value is not { } createdInvoice)
                {
                    return created.Failure!;
                }

                draft = createdInvoice;
            }

            var sent = SendInvoice.Run(store, draft.Id);
            if (sent.Value is not { } invoice)
            {
                return sent.Failure!;
            }

            var queued = InvoiceMail.QueueInvoice(store, invoice);
            if (queued.Value is not { } composed)
            {
                return queued.Failure!;
            }

            MarkDone(store, scheduled, "sent", invoice.Id, null);
            return composed;
        });
        if (!fired.Succeeded && For(store, scheduled.ProjectId) is { Status: "scheduled" })
        {
            store.Write(() =>
            {
                MarkDone(store, scheduled, "failed", null, fired.Failure!.Message);
                return (Outcome<bool>)true;
            });
        }

        return fired;
    }

    private static List<Invoice> OpenInvoices(GigzillaStore store, Scheduled scheduled) =>
        store.Query($"{Invoice.SelectSql} WHERE i.project_id = $project AND i.status <> 'cancelled'", Invoice.Read, ("$project", scheduled.ProjectId));

    private static void MarkDone(GigzillaStore store, Scheduled scheduled, string status, string? invoiceId, string? note) =>
        store.Execute(
            "UPDATE auto_invoices SET status = $status, invoice_id = $invoice, note = $note, updated_at = $now WHERE project_id = $id",
            ("$status", status),
            ("$invoice", invoiceId),
            ("$note", note),
            ("$now", store.Timestamp()),
            ("$id", scheduled.ProjectId));

    private const string SelectSql = """
        SELECT a.project_id, p.title, c.name, c.email, p.amount, p.currency, a.due_at, a.status, a.note
        FROM auto_invoices a JOIN projects p ON p.id = a.project_id LEFT JOIN clients c ON c.id = p.client_id
        """;

    private static Scheduled Read(Microsoft.Data.Sqlite.SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.NullableString(2),
        reader.NullableString(3),
        reader.NullableAmount(4) is { } amount ? new Money(amount, reader.GetString(5)) : null,
        reader.Instant(6),
        reader.GetString(7),
        reader.NullableString(8));
}
