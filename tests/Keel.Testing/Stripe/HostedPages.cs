using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Keel.Testing.Stripe;

/// <summary>
/// Bare stand-ins for Stripe's hosted checkout and billing portal pages, so browser tests can follow the
/// <c>url</c> of a session: paying completes the checkout and redirects to <c>success_url</c>; the portal can cancel
/// the customer's subscriptions at period end and links back to <c>return_url</c>.
/// </summary>
static class HostedPages
{
    public static void Map(IEndpointRouteBuilder app, FakeStripe stripe)
    {
        app.MapGet("/checkout/{id}", (string id) =>
            stripe.Find(id) is { } session && session["object"]!.GetValue<string>() == "checkout.session"
                ? CheckoutPage(session)
                : Results.NotFound());
        app.MapPost("/checkout/{id}", async (string id, HttpRequest request) =>
        {
            if (stripe.Find(id) is not { } open || open["object"]!.GetValue<string>() != "checkout.session"
                || open["status"]!.GetValue<string>() != "open")
            {
                return Results.NotFound();
            }

            var form = await request.ReadFormAsync();
            var email = form["email"].FirstOrDefault() is { Length: > 0 } typed ? typed : null;
            var session = stripe.CompleteCheckout(id, email).Object;
            var successUrl = session["success_url"]?.GetValue<string>() ?? stripe.BaseUrl;
            return Results.Redirect(successUrl.Replace("{CHECKOUT_SESSION_ID}", id));
        });
        app.MapGet("/p/session/{id}", (string id) =>
            stripe.Find(id) is { } portal && portal["object"]!.GetValue<string>() == "billing_portal.session"
                ? PortalPage(stripe, portal)
                : Results.NotFound());
        app.MapPost("/p/session/{id}/cancel", (string id) =>
        {
            if (stripe.Find(id) is not { } portal || portal["object"]!.GetValue<string>() != "billing_portal.session")
            {
                return Results.NotFound();
            }

            var customer = portal["customer"]!.GetValue<string>();
            foreach (var subscription in stripe.Subscriptions.Where(s =>
                s["customer"]!.GetValue<string>() == customer && s["status"]!.GetValue<string>() is not "canceled"))
            {
                stripe.CancelAtPeriodEnd(subscription["id"]!.GetValue<string>());
            }

            return Results.Redirect($"/p/session/{id}");
        });
    }

    static IResult CheckoutPage(JsonObject session)
    {
        var open = session["status"]!.GetValue<string>() == "open";
        var needsEmail = session["customer"] is null && session["customer_email"] is null;
        var amount = session["amount_total"]!.GetValue<long>() / 100m;
        var body = $"""
            <h1>Fake Stripe Checkout</h1>
            <p id="amount">{amount:0.00} {Html(session["currency"]!.GetValue<string>().ToUpperInvariant())}</p>
            <p id="status">{Html(session["status"]!.GetValue<string>())}</p>
            {(open ? $"""
                <form method="post">
                  {(needsEmail ? """<label>Email <input name="email" type="email" required></label>""" : "")}
                  <button type="submit">Subscribe</button>
                </form>
                """ : "")}
            {(session["cancel_url"]?.GetValue<string>() is { } cancel ? $"""<a href="{Html(cancel)}">Back</a>""" : "")}
            """;
        return Page("Checkout", body);
    }

    static IResult PortalPage(FakeStripe stripe, JsonObject portal)
    {
        var id = portal["id"]!.GetValue<string>();
        var customer = portal["customer"]!.GetValue<string>();
        var rows = string.Concat(stripe.Subscriptions
            .Where(s => s["customer"]!.GetValue<string>() == customer)
            .Select(s => $"""<li>{Html(s["id"]!.GetValue<string>())}: {Html(s["status"]!.GetValue<string>())}{(s["cancel_at_period_end"]!.GetValue<bool>() ? " (cancels at period end)" : "")}</li>"""));
        var body = $"""
            <h1>Fake Stripe customer portal</h1>
            <ul>{rows}</ul>
            <form method="post" action="/p/session/{Html(id)}/cancel"><button type="submit">Cancel subscription</button></form>
            {(portal["return_url"]?.GetValue<string>() is { } back ? $"""<a href="{Html(back)}">Return</a>""" : "")}
            """;
        return Page("Billing", body);
    }

    static IResult Page(string title, string body) =>
        Results.Content($"<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>", "text/html");

    static string Html(string text) => WebUtility.HtmlEncode(text);
}
