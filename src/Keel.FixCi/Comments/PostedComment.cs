namespace Keel.FixCi.Comments;

/// <summary>FixCI's comment on pull request <paramref name="PullRequest"/> after an upsert.</summary>
internal sealed record PostedComment(int PullRequest, long CommentId, CommentChange Change);
