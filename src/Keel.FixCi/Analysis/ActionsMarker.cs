namespace Keel.FixCi.Analysis;

/// <summary>The GitHub Actions workflow command a log line starts with, if any (<c>##[group]</c> and friends).</summary>
internal enum ActionsMarker
{
    None,
    Group,
    EndGroup,
    Error,
    Warning,
    Notice,
    Debug,
    Command,
}
