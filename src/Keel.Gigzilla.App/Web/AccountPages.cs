using System.Globalization;
using Keel.Gigzilla.App.Web.License;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>Activation (seed 000 flow 1: trial by email, a pasted key, or Checkout), the upgrade screen and the Account page.</summary>
internal static class AccountPages
{
    public static IResult Activate(HttpContext http, LicenseGate gate, LocalAppOptions options)
    {
        if (gate.Current().Mode != LicenseMode.NeedsActivation)
        {
            return Results.Redirect("/");
        }

        var error = http.Request.Query["e"].ToString();
        return Layout.Bare("Welcome", $"""
            <h1>Get paid without chasing.</h1>
            <p>Gigzilla keeps your projects, invoices and clients on this computer. Start with 14 days free, no card needed.</p>
            {(error.Length > 0 ? $"<div class=\"notice error\" role=\"alert\">{E(error)}</div>" : "")}
            <form method="post" action="/activate/trial" class="stack" id="trial-form">
              <label for="trial-email">Your email</label>
              <input type="email" id="trial-email" name="email" required placeholder="you@example.com" autocomplete="email">
              <button class="primary">Start free trial</button>
            </form>
            <details class="stack">
              <summary>I have a license key</summary>
              <form method="post" action="/activate/key" class="stack" id="key-form">
                <label for="key-email">Email</label><input type="email" id="key-email" name="email" required>
                <label for="key">License key</label><input id="key" name="key" required autocomplete="off">
                <button class="primary">Activate</button>
              </form>
            </details>
            <p><a href="{E(options.CheckoutUrl)}" target="_blank" rel="noopener">Buy Gigzilla</a></p>
            """);
    }

    public static async Task<IResult> StartTrial(HttpContext http, LicenseGate gate)
    {
        var form = await http.Request.ReadFormAsync();
        var error = await gate.StartTrialAsync(form["email"].ToString(), http.RequestAborted);
        return error is null ? Back("/", "Your trial has started. Welcome to Gigzilla!") : Back("/activate", error: error);
    }

    public static async Task<IResult> ActivateKey(HttpContext http, LicenseGate gate)
    {
        var form = await http.Request.ReadFormAsync();
        var back = gate.Current().Mode == LicenseMode.NeedsActivation ? "/activate" : "/upgrade";
        var error = await gate.ActivateKeyAsync(form["email"].ToString(), form["key"].ToString(), http.RequestAborted);
        return error is null ? Back("/", "License activated.") : Back(back, error: error);
    }

    public static async Task<IResult> Refresh(HttpContext http, LicenseGate gate)
    {
        await http.Request.ReadFormAsync();
        await gate.RefreshAsync(force: true, http.RequestAborted);
        var state = gate.Current();
        return state.Mode == LicenseMode.Active ? Back("/account", "License checked: all good.") : Back("/account", error: state.Message ?? "License not active.");
    }

    public static IResult Upgrade(HttpContext http, Workspace workspace, LicenseGate gate, LocalAppOptions options)
    {
        var state = gate.Current();
        var body = $"""
            <section class="panel upgrade" id="upgrade">
              <p>{E(state.Message ?? "Your license is active.")}</p>
              <p><a class="button primary" href="{E(options.CheckoutUrl)}" target="_blank" rel="noopener">Upgrade</a>
                 <a class="button" href="/export">Export my data</a></p>
              <form method="post" action="/license/refresh" class="inline"><button>I've paid: check again</button></form>
              <details class="stack"><summary>Paste a new license key</summary>
                <form method="post" action="/activate/key" class="stack">
                  <label for="key-email">Email</label><input type="email" id="key-email" name="email" value="{E(state.Record?.Email)}" required>
                  <label for="key">License key</label><input id="key" name="key" required autocomplete="off">
                  <button class="primary">Activate</button>
                </form>
              </details>
            </section>
            """;
        return Layout.Render(http, workspace, state, "Account", "Upgrade", body);
    }

    public static async Task<IResult> Account(HttpContext http, Workspace workspace, LicenseGate gate, LicenseServer server)
    {
        var state = gate.Current();
        var record = state.Record!;
        var info = await server.LicenseInfoAsync(record, http.RequestAborted);
        var referral = await server.ReferralStatsAsync(record, http.RequestAborted);
        var devices = info is { Status: not null } ? $"{info.Active_devices} of {info.Max_devices} devices" : "unavailable offline";
        var referrals = referral is { ReferralLink: not null }
            ? $"""
              <dl class="facts">
                <dt>Your link</dt><dd><code id="referral-link">{E(referral.ReferralLink)}</code></dd>
                <dt>Referred</dt><dd>{referral.TotalReferrals} ({referral.PendingReferrals} pending)</dd>
                <dt>Credits earned</dt><dd>{E(new Money(referral.CreditsEarned / 100m, referral.Currency ?? "EUR"))}</dd>
              </dl>
              """
            : "<p class=\"empty\">Referral stats are unavailable offline.</p>";
        var body = $"""
            <section class="panel" id="plan"><h2>Plan</h2>
              <dl class="facts">
                <dt>Email</dt><dd>{E(record.Email)}</dd>
                <dt>Plan</dt><dd>{E(record.Tier ?? "—")} · <span id="license-status">{E(state.Mode == LicenseMode.Active ? record.Status : "ended")}</span></dd>
                <dt>Valid until</dt><dd>{E(record.ValidUntil?.ToString("MMM d, yyyy", CultureInfo.InvariantCulture) ?? "—")}</dd>
                <dt>Last checked</dt><dd>{E(record.LastCheckedAt?.ToString("MMM d, HH:mm", CultureInfo.InvariantCulture) ?? "never")}</dd>
                <dt>Devices</dt><dd id="devices">{E(devices)}</dd>
              </dl>
              <form method="post" action="/license/refresh" class="inline"><button>Check now</button></form>
              <a class="button" href="/upgrade">Upgrade</a>
            </section>
            <section class="panel" id="referrals"><h2>Refer a freelancer</h2>{referrals}</section>
            """;
        return Layout.Render(http, workspace, state, "Account", "Account", body);
    }
}
