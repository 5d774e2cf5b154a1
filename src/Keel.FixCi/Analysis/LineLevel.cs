namespace Keel.FixCi.Analysis;

/// <summary>The log level a line declares with a leading tag such as "[INFO]", "ERROR:" or "npm ERR!".</summary>
internal enum LineLevel
{
    None,
    Info,
    Warning,
    Error,
}
