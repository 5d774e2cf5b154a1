namespace Keel.FixCi.Tests.Analysis;

/// <summary>Builds small logs for tests and finds line numbers in them.</summary>
internal static class LogText
{
    public static string Of(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>The 1-based number of the first line containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string log, string fragment)
    {
        var lines = log.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(fragment, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }
        throw new ArgumentException($"No line contains '{fragment}'.");
    }
}
