namespace Keel.Platform.Email;

/// <summary>A rendered email: both a plain-text and an HTML body, since some clients show only one.</summary>
public sealed record EmailContent(string Kind, string Subject, string Text, string Html);
