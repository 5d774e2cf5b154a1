using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Keel.Platform.Http;

/// <summary>Turns the framework's own input errors (malformed JSON, wrong types, unknown fields, bodies over the
/// size limit) into ProblemDetails that say what was wrong; everything else stays a bare 500 without details.</summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad) return false;
        context.Response.StatusCode = bad.StatusCode;
        var detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this server accepts."
            : bad.InnerException is JsonException json
                ? $"The request body is not valid JSON for this endpoint: {json.Message}"
                : bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Content Too Large" : "Bad request",
                Detail = detail,
            },
        });
    }
}
