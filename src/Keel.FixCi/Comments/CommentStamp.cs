using System.Globalization;
using System.Text.RegularExpressions;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Comments;

/// <summary>
/// Which run a FixCI comment was written for, kept in the comment as a hidden line so the comment itself remembers
/// it. Analyses finish in any order (a slow job for an older commit can end after the one for the newer commit);
/// comparing stamps just before an update keeps the newer result.
/// </summary>
internal sealed partial record CommentStamp(string HeadSha, long RunId, int RunAttempt, DateTimeOffset? StartedAt)
{
    public static CommentStamp Of(WorkflowRunEvent run) =>
        new(new string(run.HeadSha.Where(char.IsAsciiLetterOrDigit).Take(64).ToArray()), run.RunId, run.RunAttempt, run.StartedAt);

    public string ToMarkdown() =>
        string.Create(CultureInfo.InvariantCulture,
            $"<!-- fixci:run sha={HeadSha} run={RunId} attempt={RunAttempt} started={StartedAt?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) ?? "-"} -->");

    /// <summary>The stamp in a comment body, or null for a body without one (older comments, hand-made bodies).</summary>
    public static CommentStamp? Read(string body)
    {
        var match = Pattern().Match(body);
        if (!match.Success) return null;
        DateTimeOffset? started = long.TryParse(match.Groups["started"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        return new CommentStamp(match.Groups["sha"].Value, long.Parse(match.Groups["run"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["attempt"].Value, CultureInfo.InvariantCulture), started);
    }

    /// <summary>
    /// True when this result must not replace the one stamped <paramref name="written"/>: an earlier attempt of the same
    /// run, or a run for another commit that started before it. Runs of other workflows for the same commit replace each
    /// other, as before: the comment shows the run that finished last.
    /// </summary>
    public bool IsOlderThan(CommentStamp written)
    {
        if (RunId == written.RunId) return RunAttempt < written.RunAttempt;
        if (string.Equals(HeadSha, written.HeadSha, StringComparison.OrdinalIgnoreCase)) return false;
        return StartedAt is { } mine && written.StartedAt is { } theirs && mine < theirs;
    }

    [GeneratedRegex(@"<!-- fixci:run sha=(?<sha>[0-9A-Za-z]{1,64}) run=(?<run>\d{1,19}) attempt=(?<attempt>\d{1,9}) started=(?<started>\d{1,19}|-) -->")]
    private static partial Regex Pattern();
}
