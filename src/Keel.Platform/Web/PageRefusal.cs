using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Platform.Web;

/// <summary>
/// A signed-in person refused a page (a customer opening the admin console) reads an HTML page saying so, with status
/// 403, instead of the API's ProblemDetails. Anonymous visitors are still challenged (sent to sign in), and API
/// endpoints keep the default answers.
/// </summary>
internal sealed class PageRefusal : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || !WebPage.Is(context) || context.User.Identity?.IsAuthenticated != true)
            return _default.HandleAsync(next, context, policy, authorizeResult);
        return new RazorComponentResult<App>(new Dictionary<string, object?> { [nameof(App.Refused)] = true })
        {
            StatusCode = StatusCodes.Status403Forbidden,
        }.ExecuteAsync(context);
    }
}
