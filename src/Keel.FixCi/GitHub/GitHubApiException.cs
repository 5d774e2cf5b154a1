using System.Net;

namespace Keel.FixCi.GitHub;

/// <summary>GitHub answered a request with an error status; <see cref="Exception.Message"/> includes GitHub's message.</summary>
internal sealed class GitHubApiException(HttpStatusCode status, string request, string? gitHubMessage)
    : Exception($"GitHub answered {(int)status} {status} to {request}{(string.IsNullOrWhiteSpace(gitHubMessage) ? "" : $": {gitHubMessage}")}")
{
    public HttpStatusCode Status { get; } = status;
}
