using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Keel.FixCi.Analysis;
using Microsoft.Extensions.Logging;

namespace Keel.FixCi.Summaries;

/// <summary>
/// Rewrites the one-line summary of a job's top blocks with a language model behind an OpenAI-compatible
/// <c>POST /v1/chat/completions</c>. Only the block's category, rule summary and a capped number of its lines are sent,
/// with credentials masked (<see cref="SecretMask"/>). Any failure (timeout, error status, odd answer) keeps the rule
/// summary, and the job's remaining blocks are then not tried: the comment is never held up by the model.
/// </summary>
internal sealed class RewriteSummaries(HttpClient http, LlmOptions options, TimeProvider time, ILogger<RewriteSummaries> logger)
{
    private const int MaxLineWidth = 300;
    private const int MaxSummaryLength = 200;

    private const string Instructions =
        "You explain why a CI job failed. Given the log lines an analyser picked and its own summary, answer with one " +
        "plain sentence (at most 25 words) saying what went wrong, naming the file, test or package involved when the " +
        "lines show it. No Markdown, no preamble, no advice.";

    public async Task<AnalysisResult> RunAsync(AnalysisResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var blocks = result.Blocks.ToArray();
        for (var i = 0; i < blocks.Length && i < options.MaxBlocks; i++)
        {
            var summary = await RewriteAsync(blocks[i], cancellationToken);
            if (summary is null) break;
            blocks[i] = blocks[i] with { Summary = summary };
        }
        return result with { Blocks = blocks };
    }

    /// <summary>The model's summary of <paramref name="block"/>, or null when it gave none in time.</summary>
    public async Task<string?> RewriteAsync(LogBlock block, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint)
            {
                Content = JsonContent.Create(new
                {
                    model = options.Model,
                    temperature = 0,
                    max_tokens = 80,
                    messages = new object[]
                    {
                        new { role = "system", content = Instructions },
                        new { role = "user", content = Prompt(block) },
                    },
                }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
            using var response = await http.SendAsync(request, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("The summary model answered {Status}; keeping the rule summaries.", (int)response.StatusCode);
                return null;
            }
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(linked.Token), cancellationToken: linked.Token);
            return Clean(json.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The summary model did not answer within {Timeout}; keeping the rule summaries.", options.Timeout);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // The message may quote the request URL but never the key, which travels only in a header.
            logger.LogWarning("The summary model could not be used ({Error}); keeping the rule summaries.", e.GetType().Name);
            return null;
        }
    }

    private Uri Endpoint => new(options.BaseUrl!.AbsoluteUri.TrimEnd('/') + "/v1/chat/completions");

    internal string Prompt(LogBlock block)
    {
        var text = new StringBuilder();
        text.Append("Category: ").AppendLine(block.Category);
        text.Append("Analyser's summary: ").AppendLine(SecretMask.Apply(block.Summary));
        text.AppendLine("Log lines:");
        var lines = block.Lines.Count <= options.MaxLines
            ? block.Lines
            : [.. block.Lines.Take(options.MaxLines - options.MaxLines / 2), .. block.Lines.TakeLast(options.MaxLines / 2)];
        foreach (var line in lines)
        {
            // Masked before cutting, so a cut never leaves a secret too short to be recognised.
            var masked = SecretMask.Apply(line.Text);
            text.AppendLine(masked.Length > MaxLineWidth ? masked[..MaxLineWidth] : masked);
        }
        return text.ToString();
    }

    private static string? Clean(string? answer)
    {
        var line = answer?.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (string.IsNullOrWhiteSpace(line)) return null;
        line = new string(line.Where(c => !char.IsControl(c)).ToArray()).Trim().Trim('"', '`', '*').Trim();
        if (line.Length == 0) return null;
        return SecretMask.Apply(line.Length > MaxSummaryLength ? line[..(MaxSummaryLength - 1)] + "…" : line);
    }
}
