using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Invoices;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>The app's use of the automation engine: one-click reminders, the invoice PDF, cancelling an auto-invoice.</summary>
internal static class AutomationEndpoints
{
    public static async Task<IResult> Remind(HttpContext http, Workspace workspace, string id)
    {
        var form = await http.Request.ReadFormAsync();
        var back = LocalPath(form["back"].ToString());
        var queued = workspace.Use(store => SendReminder.Now(store, id));
        return queued.Value is { } reminder
            ? Back(back, $"Reminder for {reminder.Invoice.Label} queued to {reminder.To}.{(reminder.Warning is { } warning ? $" {warning}" : "")}")
            : Back(back, error: queued.Failure!.Message);
    }

    public static IResult Pdf(Workspace workspace, string id)
    {
        var rendered = workspace.Use(store =>
        {
            var found = FindInvoice.Run(store, id);
            if (found.Value is not { } invoice)
            {
                return (Outcome<(byte[], string)>)found.Failure!;
            }

            if (invoice.Status == InvoiceStatus.Draft)
            {
                return new Failure($"invoice {invoice.Label} is a draft: send it to give it a number and a PDF");
            }

            var document = InvoiceDocument.ForInvoice(store, invoice);
            return (InvoicePdf.Render(document), InvoicePdf.FileName(document));
        });
        if (!rendered.Succeeded)
        {
            return Results.Text(rendered.Failure!.Message, statusCode: StatusCodes.Status404NotFound);
        }

        var (bytes, name) = rendered.Value;
        return Results.File(bytes, "application/pdf", name, enableRangeProcessing: false);
    }

    public static async Task<IResult> CancelAutoInvoice(HttpContext http, Workspace workspace, string id)
    {
        await http.Request.ReadFormAsync();
        var cancelled = workspace.Use(store => AutoInvoices.Cancel(store, id));
        return cancelled.Value is { } scheduled
            ? Back("/pipeline", $"Auto-send cancelled for {scheduled.ProjectTitle}; invoice it from the project when you are ready.")
            : Back("/pipeline", error: cancelled.Failure!.Message);
    }

    /// <summary>Runs everything due now (auto-invoices, reminders, scheduled backup, outbox); the app's timer calls it.</summary>
    public static void RunDue(Workspace workspace) =>
        workspace.Use(store => CliEnvironment.Wait(() => RunDueWork.RunAsync(store)));
}
