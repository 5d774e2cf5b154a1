using System.Text.RegularExpressions;
using Keel.Testing;

namespace Keel.Gigzilla.Api.Tests;

/// <summary>Reads code blocks out of the seed documents in <c>shared/seeds</c>, beside the repository.</summary>
internal static partial class SeedCode
{
    public static string LicenseManager()
    {
        var document = File.ReadAllText(SeedPath("001_gigzilla_technical_spec.md"));
        var match = LicenseManagerBlock().Match(document);
        if (!match.Success) throw new InvalidOperationException("Seed 001 no longer has a 'License Manager (license-manager.js)' code block.");
        return match.Groups["code"].Value;
    }

    private static string SeedPath(string name)
    {
        var root = RepositoryRoot.Find();
        foreach (var candidate in new[] { Path.Combine(root, "..", "shared", "seeds", name), Path.Combine(root, "shared", "seeds", name) })
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        throw new FileNotFoundException($"The seed document {name} is expected in shared/seeds beside the repository ({root}).");
    }

    [GeneratedRegex(@"### License Manager \(license-manager\.js\)\s*```javascript\s*(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LicenseManagerBlock();
}
