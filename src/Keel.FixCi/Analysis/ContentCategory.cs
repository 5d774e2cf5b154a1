namespace Keel.FixCi.Analysis;

/// <summary>Reads a category from what an error line talks about, for wrapper lines whose tool reports many kinds of failure.</summary>
internal static class ContentCategory
{
    public static string Infer(ReadOnlySpan<char> text)
    {
        if (Has(text, "No space left") || Has(text, "ENOSPC"))
        {
            return Categories.Network;
        }
        if (Has(text, "OutOfMemory") || Has(text, "out of memory"))
        {
            return Categories.OutOfMemory;
        }
        if (Has(text, "checkstyle") || Has(text, "spotless") || Has(text, "pmd") || Has(text, "spotbugs")
            || Has(text, "lint") || Has(text, "detekt") || Has(text, "format violations") || Has(text, "rat-plugin")
            || Has(text, "animal-sniffer") || Has(text, "revapi") || Has(text, "japicmp"))
        {
            return Categories.Lint;
        }
        if (Has(text, "could not be resolved") || Has(text, "Could not resolve") || Has(text, "Could not find artifact")
            || Has(text, "Could not transfer") || Has(text, "dependenc"))
        {
            return Categories.DependencyResolution;
        }
        if (Has(text, "compil"))
        {
            return Categories.Compilation;
        }
        if (Has(text, "surefire") || Has(text, "failsafe") || Has(text, "test failures") || Has(text, "failing tests")
            || Has(text, ":test'") || Has(text, "test "))
        {
            return Categories.TestFailure;
        }
        if (Has(text, "timed out") || Has(text, "timeout"))
        {
            return Categories.Timeout;
        }
        if (Has(text, "Permission denied") || Has(text, "Unauthorized") || Has(text, "Forbidden") || Has(text, "access denied"))
        {
            return Categories.Permission;
        }
        if (Has(text, "enforcer") || Has(text, "does not exist") || Has(text, "not found") || Has(text, "invalid")
            || Has(text, "config"))
        {
            return Categories.Configuration;
        }
        return Categories.Other;
    }

    private static bool Has(ReadOnlySpan<char> text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
