using Keel.Gigzilla.App.Web.License;
using Keel.Gigzilla.Projects;
using Keel.Gigzilla.QuickEntry;
using Microsoft.AspNetCore.Http;
using static Keel.Gigzilla.App.Web.Html;

namespace Keel.Gigzilla.App.Web;

/// <summary>The frame of every page: sidebar, quick entry and search, notices, and the read-only banner.</summary>
internal static class Layout
{
    private static readonly (string Path, string Label)[] Views =
    [
        ("/", "Dashboard"), ("/pipeline", "Pipeline"), ("/money", "Money"), ("/clients", "Clients"), ("/settings", "Settings"), ("/account", "Account"),
    ];

    public static IResult Render(HttpContext http, Workspace workspace, LicenseState license, string active, string title, string body)
    {
        var query = http.Request.Query;
        var notices = "";
        if (query["e"].ToString() is { Length: > 0 } error)
        {
            notices += $"""<div class="notice error" role="alert">{E(error)}</div>""";
        }
        else if (query["n"].ToString() is { Length: > 0 } notice)
        {
            notices += $"""<div class="notice ok" role="status">{E(notice)}</div>""";
        }

        if (query["created"].ToString() is { Length: > 0 } created)
        {
            notices += Created(workspace, created, http.Request.Path);
        }

        if (license.Mode == LicenseMode.ReadOnly)
        {
            notices = $"""<div class="notice readonly" id="readonly-banner" role="alert">{E(license.Message)} <a href="/upgrade">Upgrade</a> · <a href="/export">Export my data</a></div>""" + notices;
        }

        var nav = string.Concat(Views.Select(view =>
            $"""<a href="{view.Path}" class="{(view.Label == active ? "active" : "")}">{view.Label}</a>"""));
        return Page($$"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · Gigzilla</title>
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <aside class="sidebar">
              <div class="brand">Gigzilla</div>
              <nav>{{nav}}</nav>
            </aside>
            <main>
              <header class="topbar">
                <form method="post" action="/quick" class="quick" autocomplete="off">
                  <input type="hidden" name="back" value="{{E(http.Request.Path)}}">
                  <input id="quick" name="text" placeholder="Add work: Logo for Acme Corp, €1,500, 2 weeks   ( / or Ctrl+K )" aria-label="Quick entry">
                  <div id="quick-preview" class="preview" aria-live="polite"></div>
                </form>
                <form method="get" action="/search" class="search">
                  <input id="search" name="q" placeholder="Search" aria-label="Search" value="{{E(http.Request.Path == "/search" ? query["q"].ToString() : "")}}">
                </form>
              </header>
              {{notices}}
              <h1>{{E(title)}}</h1>
              {{body}}
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>A standalone page (activation, upgrade) without the workspace frame.</summary>
    public static IResult Bare(string title, string body) => Page($"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Gigzilla</title>
        <link rel="stylesheet" href="/assets/app.css">
        </head>
        <body class="bare">
        <main class="card-page">
        <div class="brand">Gigzilla</div>
        {body}
        </main>
        </body>
        </html>
        """);

    /// <summary>Seed 000's confirmation after a quick entry: "Created: Logo for Acme Corp · €1,500 · Due Feb 15 [Edit] [Looks good]".</summary>
    private static string Created(Workspace workspace, string projectId, string back)
    {
        var project = workspace.Use(store => FindProject.IsIdPrefix(projectId) ? FindProject.Run(store, projectId).Value : null);
        if (project is null)
        {
            return "";
        }

        var entry = new ParsedQuickEntry(project.Title, project.ClientName, project.Amount, project.Currency, project.Deadline);
        var summary = EntrySummary.Format(entry, workspace.Use(store => store.Today));
        return $"""
            <div class="notice ok created" id="created" role="status">
              <strong>Created:</strong> {E(summary)}
              <a class="button small" href="/projects/{E(project.Id)}#edit">Edit</a>
              <a class="button small primary" href="{E(back)}">Looks good</a>
            </div>
            """;
    }
}
