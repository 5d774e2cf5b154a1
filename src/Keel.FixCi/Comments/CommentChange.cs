namespace Keel.FixCi.Comments;

/// <summary>What happened to FixCI's comment on a pull request.</summary>
internal enum CommentChange
{
    Created,
    Updated,

    /// <summary>The comment already said exactly this (or already said the limit is reached): nothing was sent.</summary>
    Unchanged,

    /// <summary>The comment already shows a newer run's result; this older one was not written.</summary>
    Superseded,
}
