namespace Keel.FixCi.GitHub;

/// <summary>What a webhook delivery asks of FixCI: analyse a failed run, record an installation change, nothing (and why), or it was unreadable.</summary>
internal abstract record ParsedWebhook
{
    private ParsedWebhook()
    {
    }

    /// <summary>A workflow run failed: analyse it.</summary>
    public sealed record Analyze(WorkflowRunEvent Run) : ParsedWebhook;

    /// <summary>The app was installed, removed, suspended, or given other repositories: record it.</summary>
    public sealed record InstallationChanged(InstallationEvent Change) : ParsedWebhook;

    /// <summary>A valid delivery that needs no analysis; <paramref name="Reason"/> says why, for logs.</summary>
    public sealed record Ignored(string Reason) : ParsedWebhook;

    /// <summary>The body is not the JSON that event should carry; answer 400.</summary>
    public sealed record Invalid(string Error) : ParsedWebhook;
}
