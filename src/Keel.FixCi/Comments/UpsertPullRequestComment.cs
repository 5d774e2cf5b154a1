using System.Collections.Concurrent;
using Keel.FixCi.GitHub;

namespace Keel.FixCi.Comments;

/// <summary>
/// Keeps one FixCI comment per pull request: finds it among all the conversation's comments by
/// <see cref="ReportComment.Marker"/> and edits it, or creates it when there is none. Upserts for the same pull
/// request are serialized within the process so two runs finishing together cannot both create one. A body stamped
/// for an older run than the comment's (<see cref="CommentStamp"/>) leaves the comment alone.
/// </summary>
internal sealed class UpsertPullRequestComment(GitHubApi api)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();

    public async Task<PostedComment> RunAsync(
        string token, RepositoryName repository, int pullRequest, string body, CancellationToken cancellationToken = default)
    {
        if (!ReportComment.IsOurs(body))
        {
            throw new ArgumentException($"A FixCI comment must start with {ReportComment.Marker}, or it cannot be found again.", nameof(body));
        }

        var gate = gates.GetOrAdd($"{repository.FullName}#{pullRequest}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var comments = await api.ListIssueCommentsAsync(token, repository, pullRequest, cancellationToken);
            var ours = comments.FirstOrDefault(c => ReportComment.IsOurs(c.Body));
            if (ours is null)
            {
                var created = await api.CreateIssueCommentAsync(token, repository, pullRequest, body, cancellationToken);
                return new PostedComment(pullRequest, created.Id, CommentChange.Created);
            }

            // Re-read just now: a newer run's result may have been written while this one was being analysed.
            if (CommentStamp.Read(body) is { } mine && CommentStamp.Read(ours.Body) is { } written && mine.IsOlderThan(written))
            {
                return new PostedComment(pullRequest, ours.Id, CommentChange.Superseded);
            }

            // The limit notice is said once: repeating it on every failed run would only add noise.
            if (Normalized(ours.Body) == Normalized(body) || (ReportComment.IsQuotaReached(body) && ReportComment.IsQuotaReached(ours.Body)))
            {
                return new PostedComment(pullRequest, ours.Id, CommentChange.Unchanged);
            }

            await api.UpdateIssueCommentAsync(token, repository, ours.Id, body, cancellationToken);
            return new PostedComment(pullRequest, ours.Id, CommentChange.Updated);
        }
        finally
        {
            gate.Release();
        }
    }

    // GitHub may store the body with \r\n when it was edited in the browser.
    private static string Normalized(string body) => body.ReplaceLineEndings("\n").Trim();
}
