namespace Keel.Testing.GitHub;

/// <summary>A comment on a pull request's conversation as the fake holds it.</summary>
/// <param name="Author">The login that wrote it; comments written with an installation token are by <c>{app slug}[bot]</c>.</param>
/// <param name="Edits">How many times it was changed with PATCH.</param>
public sealed record FakeComment(long Id, string Body, string Author, int Edits);
