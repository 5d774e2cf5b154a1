using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Keel.Platform.Web;

/// <summary>
/// Reads what an API handler answered, so a page runs the very same handler (validation, access checks, audit,
/// mail) and shows its outcome instead of repeating its rules. Public for product modules' pages.
/// </summary>
public static class ApiOutcome
{
    public static bool Succeeded(IResult result) => result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    public static T? Value<T>(IResult result) where T : class => result is IValueHttpResult<T> value ? value.Value : null;

    /// <summary>The message a person should read when the handler refused, or null when it succeeded.</summary>
    public static string? Error(IResult result) => result switch
    {
        ValidationProblem v => string.Join(" ", v.ProblemDetails.Errors.SelectMany(e => e.Value)),
        ProblemHttpResult p => p.ProblemDetails.Detail ?? p.ProblemDetails.Title,
        IStatusCodeHttpResult { StatusCode: >= 400 } s => $"That did not work (HTTP {s.StatusCode}).",
        _ => null,
    };

    public static bool IsNotFound(IResult result) => result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status404NotFound };
}
