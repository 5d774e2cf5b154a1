namespace Keel.Testing.GitHub;

sealed class CommentRecord(long id, int issue, string body, string author, DateTimeOffset created)
{
    public long Id { get; } = id;
    public int Issue { get; } = issue;
    public string Body { get; set; } = body;
    public string Author { get; } = author;
    public DateTimeOffset Created { get; } = created;
    public DateTimeOffset Updated { get; set; } = created;
    public int Edits { get; set; }

    public FakeComment Snapshot() => new(Id, Body, Author, Edits);
}
