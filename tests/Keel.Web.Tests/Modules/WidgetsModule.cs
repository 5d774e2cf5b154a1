using Keel.Platform.Web.Layout;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace Keel.Web.Tests.Modules;

/// <summary>A product module's own dashboard page, as ARCHITECTURE.md tells modules to write one (in C# here, since
/// this project does not use the Razor SDK; the attributes are what <c>@page</c>, <c>@attribute</c> and <c>@layout</c> emit).</summary>
[Route(Href)]
[Authorize]
[Layout(typeof(DashboardLayout))]
public sealed class WidgetsPage : ComponentBase
{
    public const string Href = "/dashboard/widgets";

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "h1");
        builder.AddContent(1, "Your widgets");
        builder.CloseElement();
    }
}

/// <summary>The module's summary on the dashboard's overview.</summary>
public sealed class WidgetsSummary : ComponentBase
{
    [Parameter] public Guid AccountId { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "p");
        builder.AddAttribute(1, "data-testid", "widgets-summary");
        builder.AddContent(2, $"No widgets yet for {AccountId}.");
        builder.CloseElement();
    }
}
