namespace Keel.FixCi.Analysis;

/// <summary>The category strings a <see cref="LogBlock"/> can carry.</summary>
public static class Categories
{
    public const string Compilation = "compilation";
    public const string TestFailure = "test-failure";
    public const string DependencyResolution = "dependency-resolution";
    public const string Lint = "lint";
    public const string Timeout = "timeout";
    public const string OutOfMemory = "out-of-memory";
    public const string Network = "network";
    public const string Permission = "permission";
    public const string Configuration = "configuration";
    public const string Other = "other";
}
