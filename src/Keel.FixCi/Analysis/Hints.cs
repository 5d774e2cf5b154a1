namespace Keel.FixCi.Analysis;

/// <summary>Fix hints shared by several rules.</summary>
internal static class Hints
{
    public const string DiskFull =
        "The runner ran out of disk space: delete build outputs and caches you do not need, or free space before the build (unused SDKs, Docker images).";
    public const string OutOfMemory =
        "The process ran out of memory: lower build or test parallelism, raise the heap limit (-Xmx, NODE_OPTIONS=--max-old-space-size) or use a larger runner.";
    public const string Timeout =
        "Something exceeded its time limit: look for a hanging test or process; raise the limit (timeout-minutes, test timeout) only if the work is legitimately slow.";
    public const string Network =
        "A network call failed: re-run the job; if it keeps failing check the remote service's status, and add retries or caching for downloads.";
    public const string Permission =
        "Access was refused: check file modes (chmod +x), the token's scopes and the workflow's `permissions:` block, and that secrets are available to this event.";
    public const string Dependency =
        "A dependency could not be resolved: check that the name and version exist in the configured registries, that the lock file is up to date and the registry is reachable.";
    public const string Compilation =
        "Fix the compiler error at the reported file and line; later errors are often consequences of the first one.";
    public const string TestFailure =
        "A test failed: run it locally to reproduce; the assertion message and the stack trace point at the failing check.";
    public const string Lint =
        "A linter or style check failed: run it locally and fix the reported violations, or run its formatter.";
    public const string Exception =
        "An exception stopped the build: the first frames of its stack trace show where it was thrown.";
}
