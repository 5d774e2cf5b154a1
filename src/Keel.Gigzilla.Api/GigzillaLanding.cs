using Keel.Platform.Web;

namespace Keel.Gigzilla.Api;

/// <summary>What Gigzilla's landing page (<c>/gigzilla</c>) says; the prices come from the plan catalog.</summary>
internal static class GigzillaLanding
{
    public static readonly ProductLanding Landing = new(GigzillaModule.Product, "Gigzilla",
        "Clients, projects, invoices and payments for freelancers, on your own computer.",
        [
            new("Type it like you say it", "“Logo for Acme, €1,500, 2 weeks” becomes a project with a client, a price and a deadline."),
            new("Invoices that add up", "Numbered invoices, partial payments, credit notes, VAT and reverse charge, in any currency."),
            new("Your data stays with you", "Everything lives on your machine, with encrypted backups. The server only checks your subscription."),
        ]);
}
