namespace Keel.FixCi.Analysis;

/// <summary>
/// The normalised lines of a passing run of the same job, as a set of hashes: a failed log's line found here is
/// something that also happens when the job succeeds, so it cannot explain the failure. A hash set instead of a
/// line-by-line diff keeps memory at a few bytes per distinct line and tolerates reordered output.
/// </summary>
internal sealed class PassLogIndex
{
    private readonly HashSet<ulong> _hashes = [];

    public static PassLogIndex Read(TextReader passLog)
    {
        var index = new PassLogIndex();
        var reader = new LineReader(passLog);
        var framing = new LineFraming();
        while (reader.TryReadLine(out var raw))
        {
            index._hashes.Add(LineNormalizer.Hash(framing.Strip(raw).Text));
        }
        return index;
    }

    public bool Contains(ReadOnlySpan<char> framedText) => _hashes.Contains(LineNormalizer.Hash(framedText));
}
