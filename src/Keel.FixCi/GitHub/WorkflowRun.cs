namespace Keel.FixCi.GitHub;

/// <summary>A workflow run as the runs listing returns it.</summary>
internal sealed record WorkflowRun(long Id, int RunAttempt, string HeadSha, string? HeadBranch, string? Conclusion, string? HtmlUrl);
