namespace Keel.FixCi.Summaries;

/// <summary><c>Keel:FixCi:Llm</c>: an OpenAI-compatible chat completions endpoint that rewrites block summaries.
/// Unset <see cref="BaseUrl"/> leaves the rule summaries as they are.</summary>
public sealed class LlmOptions
{
    /// <summary>The API root; requests go to <c>{BaseUrl}/v1/chat/completions</c>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as <c>Authorization: Bearer</c>; never logged.</summary>
    public string ApiKey { get; set; } = "";

    public string Model { get; set; } = "gpt-4o-mini";

    /// <summary>How long one rewrite may take before the rule summary is used instead.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Most log lines of a block sent with it (the first and last ones of longer blocks).</summary>
    public int MaxLines { get; set; } = 30;

    /// <summary>Blocks of one job whose summaries are rewritten: the ones the comment shows.</summary>
    public int MaxBlocks { get; set; } = 3;
}
