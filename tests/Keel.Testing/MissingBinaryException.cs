namespace Keel.Testing;

/// <summary>
/// A program a test fixture needs is not installed. Tests fail with this instead of being skipped, so CI
/// never passes while silently testing less.
/// </summary>
public sealed class MissingBinaryException(string binary, string package, IEnumerable<string> searchedLocations)
    : Exception(
        $"'{binary}' was not found (searched: {string.Join(", ", searchedLocations)}). " +
        $"Install the Debian package '{package}' (apt-get install -y {package}) or run scripts/test, which installs it.")
{
    public string Binary { get; } = binary;

    public string Package { get; } = package;
}
