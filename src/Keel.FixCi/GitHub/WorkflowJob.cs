namespace Keel.FixCi.GitHub;

/// <summary>A job of a workflow run, from <c>GET /repos/{o}/{r}/actions/runs/{run_id}/jobs</c>.</summary>
/// <param name="RunAttempt">Null when GitHub does not say (older GitHub Enterprise Server versions).</param>
/// <param name="Conclusion">success, failure, timed_out, cancelled, skipped, neutral ...; null while running.</param>
internal sealed record WorkflowJob(long Id, long RunId, int? RunAttempt, string Name, string? Conclusion, string? HtmlUrl)
{
    public bool Failed => Conclusion is "failure" or "timed_out";
}
