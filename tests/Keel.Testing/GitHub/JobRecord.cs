namespace Keel.Testing.GitHub;

sealed class JobRecord(long id, long runId, int attempt, string name, string conclusion, string log)
{
    public long Id { get; } = id;
    public long RunId { get; } = runId;
    public int Attempt { get; } = attempt;
    public string Name { get; } = name;
    public string Conclusion { get; } = conclusion;
    public string Log { get; } = log;

    /// <summary>Requests for the log still to be answered 404, as while the job is finishing.</summary>
    public int NotFoundRemaining { get; set; }
}
