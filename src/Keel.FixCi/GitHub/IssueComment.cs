namespace Keel.FixCi.GitHub;

/// <summary>A comment on an issue or pull request conversation.</summary>
internal sealed record IssueComment(long Id, string Body, string? Author, string? HtmlUrl);
