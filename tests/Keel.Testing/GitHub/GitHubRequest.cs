namespace Keel.Testing.GitHub;

/// <summary>One request the fake answered.</summary>
/// <param name="Authorization">The Authorization header as sent, or null.</param>
public sealed record GitHubRequest(string Method, string Path, string Query, string? Authorization, int Status);
