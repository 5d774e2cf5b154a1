using System.Globalization;
using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Store;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>Invoices and payments: filters, send, record a (partial) payment, credit note, PDF.</summary>
internal static class MoneyPage
{
    private sealed record PaymentRow(string InvoiceLabel, string? Client, Money Amount, string Method, DateOnly Received);

    public static IResult Get(HttpContext http, Workspace workspace, LicenseGate gate)
    {
        var status = http.Request.Query["status"].ToString();
        var client = http.Request.Query["client"].ToString();
        var (invoices, payments, today) = workspace.Use(store => (ListInvoices.Run(store), LoadPayments(store), store.Today));
        var shown = invoices
            .Where(invoice => status.Length == 0 || (status == "overdue"
                ? invoice.Status is InvoiceStatus.Sent or InvoiceStatus.Partial && invoice.DueDate < today
                : invoice.Status.ToStored() == status))
            .Where(invoice => client.Length == 0 || string.Equals(invoice.ClientName, client, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var filters = string.Concat(new[] { "", "draft", "sent", "partial", "overdue", "paid", "cancelled" }.Select(value =>
            $"""<a class="chip {(value == status ? "active" : "")}" href="/money{(value.Length == 0 ? "" : $"?status={value}")}">{(value.Length == 0 ? "All" : value)}</a>"""));
        var rows = string.Concat(shown.Select(invoice => Row(invoice, today)));
        var paymentRows = string.Concat(payments.Take(100).Select(payment =>
            $"<tr><td>{Date(payment.Received, today)}</td><td>{E(payment.InvoiceLabel)}</td><td>{E(payment.Client)}</td><td class=\"num\">{E(payment.Amount)}</td><td>{E(payment.Method)}</td></tr>"));
        var body = $"""
            <nav class="filters">{filters}</nav>
            <section class="panel">
              <h2>Invoices</h2>
              <table class="table" id="invoices">
                <thead><tr><th>Invoice</th><th>Client · project</th><th class="num">Total</th><th class="num">Due</th><th>Status</th><th></th></tr></thead>
                <tbody>{(rows.Length == 0 ? "<tr><td colspan=\"6\" class=\"empty\">No invoices here.</td></tr>" : rows)}</tbody>
              </table>
            </section>
            <section class="panel">
              <h2>Payments</h2>
              <table class="table" id="payments">
                <thead><tr><th>Received</th><th>Invoice</th><th>Client</th><th class="num">Amount</th><th>Method</th></tr></thead>
                <tbody>{(paymentRows.Length == 0 ? "<tr><td colspan=\"5\" class=\"empty\">No payments yet.</td></tr>" : paymentRows)}</tbody>
              </table>
            </section>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Money", "Money", body);
    }

    public static async Task<IResult> Send(HttpContext http, Workspace workspace, string id)
    {
        await http.Request.ReadFormAsync();
        var sent = workspace.Use(store => SendInvoice.Run(store, id));
        return sent.Value is { } invoice
            ? Back("/money", $"Invoice {invoice.Label} sent, {SendInvoice.DueText(invoice.DueDate!.Value)}.")
            : Back("/money", error: sent.Failure!.Message);
    }

    public static async Task<IResult> Pay(HttpContext http, Workspace workspace, string id)
    {
        var form = await http.Request.ReadFormAsync();
        if (!decimal.TryParse(form["amount"].ToString().Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return Back("/money", error: $"'{form["amount"]}' is not an amount: write it like 500 or 1250.50.");
        }

        var method = form["method"].ToString() is { Length: > 0 } chosen ? chosen : PaymentMethod.Default;
        var recorded = workspace.Use(store => RecordPayment.Run(store, new RecordPayment.Request(id, amount, null, method)));
        if (recorded.Value is not { } invoice)
        {
            return Back("/money", error: recorded.Failure!.Message);
        }

        return Back("/money", invoice.Status == InvoiceStatus.Paid
            ? $"{invoice.Label} is paid in full; {invoice.ProjectTitle} is paid."
            : $"Recorded {new Money(amount, invoice.Currency)} on {invoice.Label}; {invoice.Remaining} still due.");
    }

    public static async Task<IResult> Credit(HttpContext http, Workspace workspace, string id)
    {
        var form = await http.Request.ReadFormAsync();
        decimal? amount = null;
        if (form["amount"].ToString().Trim() is { Length: > 0 } text)
        {
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed))
            {
                return Back("/money", error: $"'{text}' is not an amount: leave it empty to credit the whole invoice.");
            }

            amount = parsed;
        }

        var issued = workspace.Use(store => IssueCreditNote.Run(store, new IssueCreditNote.Request(id, form["reason"].ToString(), amount)));
        if (!issued.Succeeded)
        {
            return Back("/money", error: issued.Failure!.Message);
        }

        var (note, invoice) = issued.Value;
        return Back("/money", $"Credit note {note.Number} for {note.Amount} issued on {invoice.Label}.");
    }

    private static string Row(Invoice invoice, DateOnly today)
    {
        var overdue = invoice.Status is InvoiceStatus.Sent or InvoiceStatus.Partial && invoice.DueDate < today;
        var actions = invoice.Status switch
        {
            InvoiceStatus.Draft => $"""<form method="post" action="/invoices/{E(invoice.Id)}/send" class="inline"><button class="small primary">Send</button></form>""",
            InvoiceStatus.Sent or InvoiceStatus.Partial => $"""
                <form method="post" action="/invoices/{E(invoice.Id)}/pay" class="inline pay">
                  <input name="amount" value="{E(invoice.Remaining.Amount.ToString(CultureInfo.InvariantCulture))}" aria-label="Amount received" size="8">
                  <button class="small primary">Record payment</button>
                </form>
                <details class="inline"><summary class="button small">Credit note</summary>
                  <form method="post" action="/invoices/{E(invoice.Id)}/credit" class="stack">
                    <input name="reason" placeholder="Reason" required aria-label="Reason"><input name="amount" placeholder="Amount (empty: all)" aria-label="Credit amount">
                    <button class="small">Issue credit note</button>
                  </form></details>
                """,
            _ => "",
        };
        var pdf = invoice.Status != InvoiceStatus.Draft
            ? $"""<a class="button small" href="/invoices/{E(invoice.Id)}/pdf" target="_blank">PDF</a>"""
            : "";
        return $"""
            <tr data-invoice="{E(invoice.Label)}" class="{(overdue ? "overdue" : "")}">
              <td><strong>{E(invoice.Label)}</strong></td>
              <td>{E(invoice.ClientName)} · {E(invoice.ProjectTitle)}</td>
              <td class="num">{E(invoice.Total)}{(invoice.Status == InvoiceStatus.Partial ? $"<br><small>{E(invoice.Remaining)} due</small>" : "")}</td>
              <td class="num">{Date(invoice.DueDate, today)}</td>
              <td><span class="status {invoice.Status.ToStored()}">{(overdue ? "overdue" : invoice.Status.ToStored())}</span></td>
              <td class="actions">{actions}{pdf}{(invoice.Status is InvoiceStatus.Sent or InvoiceStatus.Partial ? Remind(invoice) : "")}</td>
            </tr>
            """;
    }

    private static string Remind(Invoice invoice) =>
        $"""<form method="post" action="/invoices/{E(invoice.Id)}/remind" class="inline"><input type="hidden" name="back" value="/money"><button class="small">Remind</button></form>""";

    private static List<PaymentRow> LoadPayments(GigzillaStore store) =>
        store.Query(
            """
            SELECT COALESCE(i.number, 'draft'), c.name, p.amount, p.currency, p.method, p.received_date
            FROM payments p JOIN invoices i ON i.id = p.invoice_id LEFT JOIN clients c ON c.id = i.client_id
            ORDER BY p.received_date DESC LIMIT 100
            """,
            reader => new PaymentRow(reader.GetString(0), reader.NullableString(1), new Money(reader.Amount(2), reader.GetString(3)), reader.GetString(4), reader.Date(5)));
}
