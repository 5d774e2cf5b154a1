using System.Globalization;
using System.Text;
using Keel.FixCi.Analysis;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Comments;

/// <summary>
/// The Markdown of FixCI's one comment on a pull request. It starts with <see cref="Marker"/>, by which the comment is
/// found again and updated in place.
/// </summary>
internal static class ReportComment
{
    /// <summary>Hidden first line of every FixCI comment.</summary>
    public const string Marker = "<!-- fixci:report -->";

    /// <summary>Hidden second line of the comment that says the plan's analysis limit is reached.</summary>
    public const string QuotaMarker = "<!-- fixci:quota -->";

    /// <summary>GitHub refuses comment bodies over 65,536 characters; stay clear of it.</summary>
    public const int MaxLength = 60_000;

    private const int MaxLineWidth = 300;

    private static readonly Layout[] Layouts =
    [
        new(MaxBlocks: 3, MaxLines: 40),
        new(MaxBlocks: 1, MaxLines: 15),
        new(MaxBlocks: 1, MaxLines: 0),
    ];

    /// <summary>The analysis of a failed run: per job its cause, relevant lines (collapsed) and a suggested fix.</summary>
    public static string Render(WorkflowRunEvent run, IReadOnlyList<JobAnalysis> jobs)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(jobs);
        string body = "";
        foreach (var layout in Layouts)
        {
            body = Render(run, jobs, layout);
            if (body.Length <= MaxLength)
            {
                return body;
            }
        }

        // Even one summary line per job is too much (hundreds of failed jobs): keep the jobs that fit.
        var shown = jobs.Count;
        while (body.Length > MaxLength && shown > 1)
        {
            shown /= 2;
            body = Render(run, jobs.Take(shown).ToArray(), Layouts[^1], omitted: jobs.Count - shown);
        }
        return body;
    }

    /// <summary>The compact style: one line per failed job with the cause FixCI found first, no log lines.</summary>
    public static string RenderCompact(WorkflowRunEvent run, IReadOnlyList<JobAnalysis> jobs)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(jobs);
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.AppendLine(CommentStamp.Of(run).ToMarkdown());
        var runLink = run.HtmlUrl is null ? $"run {run.RunId}" : $"[run {run.RunId}]({run.HtmlUrl})";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"**FixCI:** {(jobs.Count == 1 ? "1 job" : $"{jobs.Count} jobs")} failed in {MarkdownText.Inline(run.WorkflowName)} ({runLink}, commit {ShortSha(run.HeadSha)})");
        text.AppendLine();
        var shown = 0;
        foreach (var job in jobs)
        {
            var name = job.JobUrl is null ? MarkdownText.Inline(job.JobName) : $"[{MarkdownText.Inline(job.JobName)}]({job.JobUrl})";
            var cause = job.Result switch
            {
                null => "log not available",
                { Blocks: [] } => "no cause found in the log",
                { Blocks: [var top, ..] } => $"{CategoryName(top.Category)}: {MarkdownText.Inline(Shorten(top.Summary))} (line {top.Start})",
            };
            var line = $"- ❌ {name}: {cause}";
            if (text.Length + line.Length > MaxLength - 200) break;
            text.AppendLine(line);
            shown++;
        }
        if (shown < jobs.Count) text.AppendLine(CultureInfo.InvariantCulture, $"- … and {jobs.Count - shown} more failed jobs");
        return text.ToString();
    }

    private static string Shorten(string summary) => summary.Length > MaxLineWidth ? summary[..(MaxLineWidth - 1)] + "…" : summary;

    /// <summary>
    /// Said instead of an analysis once the organization's plan has no analyses left this period.
    /// </summary>
    /// <param name="upgradeUrl">Where an owner can raise the limit; left out when null.</param>
    /// <param name="run">The run this notice stands for, so an older run's notice never replaces a newer analysis.</param>
    public static string RenderQuotaReached(Uri? upgradeUrl, WorkflowRunEvent? run = null)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.AppendLine(QuotaMarker);
        if (run is not null) text.AppendLine(CommentStamp.Of(run).ToMarkdown());
        text.AppendLine("### FixCI: analysis limit reached");
        text.AppendLine();
        text.Append("This organization has used all the CI failure analyses its plan includes for this period, ");
        text.AppendLine("so FixCI did not analyse this failure. Analyses resume when the next period starts.");
        if (upgradeUrl is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"[Raise the limit]({upgradeUrl.AbsoluteUri}) to have every failure analysed.");
        }
        AppendFooter(text, null);
        return text.ToString();
    }

    /// <summary>True for the body <see cref="RenderQuotaReached"/> makes.</summary>
    public static bool IsQuotaReached(string body) => IsOurs(body) && body.Contains(QuotaMarker, StringComparison.Ordinal);

    /// <summary>True when the comment was written by FixCI: it starts with <see cref="Marker"/>.</summary>
    public static bool IsOurs(string body) => body.AsSpan().TrimStart().StartsWith(Marker, StringComparison.Ordinal);

    private static string Render(WorkflowRunEvent run, IReadOnlyList<JobAnalysis> jobs, Layout layout, int omitted = 0)
    {
        var text = new StringBuilder();
        text.AppendLine(Marker);
        text.AppendLine(CommentStamp.Of(run).ToMarkdown());
        var failed = jobs.Count + omitted;
        text.AppendLine(CultureInfo.InvariantCulture, $"### FixCI: {(failed == 1 ? "1 job" : $"{failed} jobs")} failed in {MarkdownText.Inline(run.WorkflowName)}");
        text.AppendLine();
        var runLink = run.HtmlUrl is null ? $"Run {run.RunId}" : $"[Run {run.RunId}]({run.HtmlUrl})";
        var attempt = run.RunAttempt > 1 ? $" (attempt {run.RunAttempt})" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"{runLink}{attempt} on commit {ShortSha(run.HeadSha)} ended with {MarkdownText.Inline(run.Conclusion)}.");

        foreach (var job in jobs)
        {
            AppendJob(text, job, layout);
        }

        if (omitted > 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"… and {omitted} more failed jobs, left out to keep this comment within GitHub's size limit.");
        }

        var compared = jobs.Select(j => j.ComparedWith).FirstOrDefault(b => b is not null);
        AppendFooter(text, compared);
        return text.ToString();
    }

    private static void AppendJob(StringBuilder text, JobAnalysis job, Layout layout)
    {
        text.AppendLine();
        var name = job.JobUrl is null ? MarkdownText.Inline(job.JobName) : $"[{MarkdownText.Inline(job.JobName)}]({job.JobUrl})";
        text.AppendLine(CultureInfo.InvariantCulture, $"#### ❌ {name}");
        if (job.Result is null)
        {
            text.AppendLine();
            text.AppendLine("GitHub did not provide this job's log, so FixCI could not analyse it.");
            return;
        }

        if (job.Result.Blocks.Count == 0)
        {
            text.AppendLine();
            text.AppendLine("Nothing in this job's log looks like the cause of the failure.");
            return;
        }

        var blocks = job.Result.Blocks.Take(layout.MaxBlocks).ToArray();
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i == 1)
            {
                text.AppendLine();
                text.AppendLine("Also in this log:");
            }
            AppendBlock(text, blocks[i], layout);
        }
    }

    private static void AppendBlock(StringBuilder text, LogBlock block, Layout layout)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{CategoryName(block.Category)}:** {MarkdownText.Inline(block.Summary)}");
        if (block.Hint is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**Suggested fix:** {MarkdownText.Inline(block.Hint)}");
        }

        var range = block.Start == block.End ? $"line {block.Start}" : $"lines {block.Start}–{block.End}";
        if (layout.MaxLines == 0 || block.Lines.Count == 0)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"<sub>Log {range}.</sub>");
            return;
        }

        var lines = NumberedLines(block, layout.MaxLines);
        var fence = MarkdownText.FenceFor(lines);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"<details><summary>Log {range}</summary>");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{fence}text");
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }
        text.AppendLine(fence);
        text.AppendLine();
        text.AppendLine("</details>");
    }

    private static List<string> NumberedLines(LogBlock block, int maxLines)
    {
        var width = block.End.ToString(CultureInfo.InvariantCulture).Length;
        var gap = new string(' ', width) + " | …";
        var shown = block.Lines.Count <= maxLines
            ? block.Lines
            : [.. block.Lines.Take(maxLines - maxLines / 2), .. block.Lines.TakeLast(maxLines / 2)];
        var lines = new List<string>(shown.Count + 2);
        var previous = block.Start - 1;
        foreach (var line in shown)
        {
            if (line.Number > previous + 1)
            {
                lines.Add(gap);
            }

            var content = line.Text.Length > MaxLineWidth ? line.Text[..(MaxLineWidth - 1)] + "…" : line.Text;
            lines.Add($"{line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {content}");
            previous = line.Number;
        }
        if (previous < block.End)
        {
            lines.Add(gap);
        }
        return lines;
    }

    private static void AppendFooter(StringBuilder text, string? comparedWith)
    {
        text.AppendLine();
        text.AppendLine("---");
        var comparison = comparedWith is null ? "" : $" Lines also printed by the last successful run on {MarkdownText.Inline(comparedWith)} were set aside.";
        text.AppendLine(CultureInfo.InvariantCulture, $"<sub>Found by FixCI from the job logs; this comment is updated on each run.{comparison}</sub>");
    }

    private static string CategoryName(string category) => category switch
    {
        Categories.Compilation => "Compilation error",
        Categories.TestFailure => "Test failure",
        Categories.DependencyResolution => "Dependency resolution",
        Categories.Lint => "Lint",
        Categories.Timeout => "Timeout",
        Categories.OutOfMemory => "Out of memory",
        Categories.Network => "Network or infrastructure",
        Categories.Permission => "Permission",
        Categories.Configuration => "Configuration",
        _ => "Failure",
    };

    private static string ShortSha(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private sealed record Layout(int MaxBlocks, int MaxLines);
}
