namespace Keel.FixCi.Analysis;

/// <summary>What a line contributes to block building.</summary>
internal enum LineKind
{
    /// <summary>Ordinary output; a few of these may be bridged between two error lines.</summary>
    Neutral,

    /// <summary>A line that never belongs to an error block and ends any open one (info-level output, step headers).</summary>
    Break,

    /// <summary>A heading that announces errors without saying anything itself ("COMPILATION ERROR :").</summary>
    Header,

    /// <summary>Says that something failed but not why ("BUILD FAILURE", "Process completed with exit code 1").</summary>
    Marker,

    /// <summary>Belongs to the error above it (stack frames, indented details, tool boilerplate).</summary>
    Continuation,

    /// <summary>Evidence of the cause: an error signature.</summary>
    Anchor,
}
