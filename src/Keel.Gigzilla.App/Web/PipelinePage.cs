using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Automation;
using Keel.Gigzilla.Invoices;
using Keel.Gigzilla.Projects;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>The board: to start, working, done (open invoices show as invoiced), paid. Cards drag between columns.</summary>
internal static class PipelinePage
{
    /// <summary>Paid work piles up over the years; the board shows the most recent and Money has the rest.</summary>
    private const int PaidShown = 30;

    private static readonly (ProjectStatus Status, string Label)[] Columns =
        [(ProjectStatus.ToStart, "To start"), (ProjectStatus.Working, "Working"), (ProjectStatus.Done, "Done"), (ProjectStatus.Paid, "Paid")];

    public static IResult Get(HttpContext http, Workspace workspace, LicenseGate gate)
    {
        var (projects, today) = workspace.Use(store => (ListProjects.Run(store), store.Today));
        var columns = string.Concat(Columns.Select(column =>
        {
            var cards = projects.Where(project => project.Status == column.Status).ToList();
            var shown = column.Status == ProjectStatus.Paid ? cards.Take(PaidShown) : cards;
            return $"""
                <section class="column" data-status="{column.Status.ToStored()}" id="column-{column.Status.ToStored()}">
                  <h2>{column.Label} <span class="count">{cards.Count}</span></h2>
                  {string.Concat(shown.Select(project => Card(project, today)))}
                </section>
                """;
        }));
        var prompt = http.Request.Query["prompt"].ToString() is { Length: > 0 } id ? InvoicePrompt(workspace, id) : "";
        var body = $"""
            {prompt}
            <form method="post" action="/projects/move" id="move-form" hidden>
              <input type="hidden" name="id"><input type="hidden" name="to">
            </form>
            <div class="board">{columns}</div>
            """;
        return Layout.Render(http, workspace, gate.Current(), "Pipeline", "Pipeline", body);
    }

    /// <summary>Moves a project (the board's drop posts here). Marking it done shows the invoice prompt.</summary>
    public static async Task<IResult> Move(HttpContext http, Workspace workspace)
    {
        var form = await http.Request.ReadFormAsync();
        var id = form["id"].ToString();
        var to = form["to"].ToString() switch
        {
            "working" => ProjectStatus.Working,
            "done" => ProjectStatus.Done,
            "paid" => ProjectStatus.Paid,
            "to_start" => ProjectStatus.ToStart,
            var other => (ProjectStatus?)null,
        };
        var back = LocalPath(form["back"].ToString() is { Length: > 0 } path ? path : "/pipeline");
        if (to is null)
        {
            return Back(back, error: "Unknown pipeline column.");
        }

        var moved = workspace.Use(store => MoveProject.Run(store, id, to.Value));
        if (moved.Value is not { } project)
        {
            return Back(back, error: moved.Failure!.Message);
        }

        return project.Status == ProjectStatus.Done
            ? Results.Redirect($"/pipeline?prompt={U(project.Id)}")
            : Back(back, $"{project.Title} is now {Label(project.Status)}.");
    }

    /// <summary>
    /// "Send now" from the prompt: the waiting auto-invoice goes at once (numbered, sent, mailed through the outbox);
    /// without one, or when it cannot be mailed (no client email yet), the invoice is created and numbered so that it
    /// can be sent by hand, and the user is told why it was not mailed.
    /// </summary>
    public static async Task<IResult> InvoiceNow(HttpContext http, Workspace workspace, string id)
    {
        var form = await http.Request.ReadFormAsync();
        var back = LocalPath(form["back"].ToString() is { Length: > 0 } path ? path : "/money");
        var (sent, mailed, problem) = workspace.Use(store =>
        {
            if (AutoInvoices.For(store, id) is { Status: "scheduled" } scheduled)
            {
                var fired = AutoInvoices.Fire(store, scheduled);
                if (fired.Succeeded)
                {
                    var invoice = ListInvoices.Run(store).First(invoice => invoice.ProjectId == scheduled.ProjectId && invoice.Status != InvoiceStatus.Cancelled);
                    return ((Outcome<Invoice>)invoice, true, (string?)null);
                }

                AutoInvoices.Cancel(store, id);
                return (Issue(store, id), false, fired.Failure!.Message);
            }

            return (Issue(store, id), false, null);
        });
        if (sent.Value is not { } done)
        {
            return Back(back, error: sent.Failure!.Message);
        }

        var what = $"Invoice {done.Label} {(mailed ? "sent" : "issued")}: {done.Total}, {SendInvoice.DueText(done.DueDate!.Value)}.";
        return Back("/money", problem is null ? what : $"{what} Not emailed: {problem}.");
    }

    private static Outcome<Invoice> Issue(Store.GigzillaStore store, string projectId) =>
        store.Write(() =>
        {
            var created = CreateInvoice.Run(store, projectId);
            return created.Value is { } invoice ? SendInvoice.Run(store, invoice.Id) : created;
        });

    public static IResult Project(HttpContext http, Workspace workspace, LicenseGate gate, string id)
    {
        var (found, invoices, today) = workspace.Use(store =>
        {
            var found = FindProject.IsIdPrefix(id) ? FindProject.Run(store, id) : new Failure("no such project");
            var invoices = found.Value is { } project ? ListInvoices.Run(store).Where(invoice => invoice.ProjectId == project.Id).ToList() : [];
            return (found, invoices, store.Today);
        });
        if (found.Value is not { } project)
        {
            return Results.NotFound();
        }

        var next = project.Status switch
        {
            ProjectStatus.ToStart => Button(project, "working", "Start working"),
            ProjectStatus.Working => Button(project, "done", "Mark done"),
            ProjectStatus.Done when invoices.All(invoice => invoice.Status == InvoiceStatus.Cancelled) =>
                $"""<form method="post" action="/projects/{E(project.Id)}/invoice"><input type="hidden" name="back" value="/projects/{E(project.Id)}"><button class="primary">Create and send invoice</button></form>""",
            _ => "",
        };
        var rows = string.Concat(invoices.Select(invoice => $"<li>{E(invoice.Label)} · {E(invoice.Total)} · {invoice.Status.ToStored()}</li>"));
        var body = $"""
            <section class="panel">
              <dl class="facts">
                <dt>Client</dt><dd>{(project.ClientId is null ? "—" : $"<a href=\"/clients/{E(project.ClientId)}\">{E(project.ClientName)}</a>")}</dd>
                <dt>Amount</dt><dd>{(project.Amount is { } amount ? E(new Money(amount, project.Currency)) : "—")}</dd>
                <dt>Deadline</dt><dd>{(project.Deadline is null ? "—" : Date(project.Deadline, today))}</dd>
                <dt>Stage</dt><dd>{Label(project.Status)}{(project.HasOpenInvoice ? " (invoiced)" : "")}</dd>
              </dl>
              {next}
            </section>
            <section class="panel"><h2>Invoices</h2><ul class="list">{(rows.Length == 0 ? "<li class=\"empty\">None yet.</li>" : rows)}</ul></section>
            {EditForm(project)}
            """;
        return Layout.Render(http, workspace, gate.Current(), "Pipeline", project.Title, body);
    }

    /// <summary>Seed 000's [Edit] after a quick entry: correct what the parser understood.</summary>
    private static string EditForm(Project project) => $"""
        <section class="panel" id="edit"><h2>Edit</h2>
          <form method="post" action="/projects/{E(project.Id)}/edit" class="edit-project">
            <div class="field"><label for="e-title">Title</label><input id="e-title" name="title" required value="{E(project.Title)}"></div>
            <div class="field"><label for="e-client">Client</label><input id="e-client" name="client" value="{E(project.ClientName ?? "")}"></div>
            <div class="field"><label for="e-amount">Amount</label><input id="e-amount" name="amount" inputmode="decimal" value="{project.Amount?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""}"></div>
            <div class="field"><label for="e-currency">Currency</label><input id="e-currency" name="currency" maxlength="3" value="{E(project.Currency)}"></div>
            <div class="field"><label for="e-deadline">Deadline</label><input id="e-deadline" name="deadline" type="date" value="{project.Deadline?.ToString("yyyy-MM-dd") ?? ""}"></div>
            <button class="primary">Save changes</button>
          </form>
        </section>
        """;

    /// <summary>Saves the edit form; a bad amount or date comes back as a message, and nothing is saved.</summary>
    public static async Task<IResult> Edit(HttpContext http, Workspace workspace, string id)
    {
        var form = await http.Request.ReadFormAsync();
        var back = $"/projects/{U(id)}";
        decimal? amount = null;
        if (form["amount"].ToString().Trim() is { Length: > 0 } amountText)
        {
            if (!decimal.TryParse(amountText, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                return Back(back, error: $"'{amountText}' is not an amount; write it like 1500 or 1500.50.");
            }

            amount = parsed;
        }

        DateOnly? deadline = null;
        if (form["deadline"].ToString().Trim() is { Length: > 0 } deadlineText)
        {
            if (!DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", out var parsed))
            {
                return Back(back, error: $"'{deadlineText}' is not a date.");
            }

            deadline = parsed;
        }

        var changes = new EditProject.Changes(form["title"].ToString(), form["client"].ToString(), amount, form["currency"].ToString(), deadline);
        var edited = workspace.Use(store => FindProject.IsIdPrefix(id) ? EditProject.Run(store, id, changes) : new Failure("no such project"));
        return edited.Value is { } project ? Back(back, $"Saved {project.Title}.") : Back(back, error: edited.Failure!.Message);
    }

    private static string Button(Project project, string to, string label) => $"""
        <form method="post" action="/projects/move"><input type="hidden" name="id" value="{E(project.Id)}"><input type="hidden" name="to" value="{to}">
        <input type="hidden" name="back" value="/projects/{E(project.Id)}"><button class="primary">{label}</button></form>
        """;

    /// <summary>Seed 000's prompt after "done": "Invoice will be sent to john@acme.com tomorrow at 9:00 · Send now · Cancel auto-send".</summary>
    private static string InvoicePrompt(Workspace workspace, string id)
    {
        var (project, scheduled, clock) = workspace.Use(store =>
        {
            var project = FindProject.IsIdPrefix(id) ? FindProject.Run(store, id).Value : null;
            return (project, project is null ? null : AutoInvoices.For(store, project.Id), store.Clock);
        });
        if (project is null || project.Status != ProjectStatus.Done || project.HasOpenInvoice)
        {
            return "";
        }

        var amount = project.Amount is { } value ? E(new Money(value, project.Currency)) : "";
        var sendNow = $"""<form method="post" action="/projects/{E(project.Id)}/invoice" class="inline"><input type="hidden" name="back" value="/pipeline"><button class="primary small">Send now</button></form>""";
        if (scheduled is { Status: "scheduled" })
        {
            var recipient = scheduled.ClientEmail ?? $"{project.ClientName ?? "the client"} (add their email first)";
            return $"""
                <div class="notice prompt" id="invoice-prompt" role="status">
                  <strong>{E(project.Title)} is done.</strong> Invoice {amount} will be sent to {E(recipient)} {E(When(scheduled.DueAt, clock))}.
                  {sendNow}
                  <form method="post" action="/projects/{E(project.Id)}/cancel-auto-invoice" class="inline"><button class="small">Cancel auto-send</button></form>
                </div>
                """;
        }

        return $"""
            <div class="notice prompt" id="invoice-prompt" role="status">
              <strong>{E(project.Title)} is done.</strong> Invoice {amount} to {E(project.ClientName ?? "the client")}?
              {sendNow}
              <a class="button small" href="/pipeline">Not now</a>
            </div>
            """;
    }

    /// <summary>"tomorrow at 9:00", "on Monday at 9:00", "on Dec 7 at 9:00".</summary>
    private static string When(DateTimeOffset at, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);
        var days = DateOnly.FromDateTime(local.DateTime).DayNumber - DateOnly.FromDateTime(clock.GetLocalNow().DateTime).DayNumber;
        var time = local.ToString("H:mm", System.Globalization.CultureInfo.InvariantCulture);
        return days switch
        {
            0 => $"today at {time}",
            1 => $"tomorrow at {time}",
            < 7 => $"on {local.DayOfWeek} at {time}",
            _ => $"on {local.ToString("MMM d", System.Globalization.CultureInfo.InvariantCulture)} at {time}",
        };
    }

    private static string Card(Project project, DateOnly today)
    {
        var amount = project.Amount is { } value ? E(new Money(value, project.Currency)) : "";
        var due = project.Deadline is { } deadline && project.Status is ProjectStatus.ToStart or ProjectStatus.Working
            ? $"""<span class="{(deadline < today ? "late" : "")}">{Date(deadline, today)}</span>"""
            : project.HasOpenInvoice ? """<span class="tag">invoiced</span>""" : "";
        return $"""
            <article class="card" draggable="true" data-id="{E(project.Id)}" id="p-{E(project.Id)}">
              <a href="/projects/{E(project.Id)}" class="title">{E(project.Title)}</a>
              <div class="meta"><span>{E(project.ClientName)}</span><span>{amount}</span>{due}</div>
            </article>
            """;
    }

    private static string Label(ProjectStatus status) => status switch
    {
        ProjectStatus.ToStart => "to start",
        ProjectStatus.Working => "working",
        ProjectStatus.Done => "done",
        _ => "paid",
    };
}
