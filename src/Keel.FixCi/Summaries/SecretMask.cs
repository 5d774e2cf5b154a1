using System.Text.RegularExpressions;

namespace Keel.FixCi.Summaries;

/// <summary>
/// Blanks what looks like a credential before log text leaves the server for a language model: GitHub tokens, AWS
/// keys, bearer and basic credentials, JWTs, private keys, and <c>password=</c>-style assignments. Errs on the side of
/// masking: a masked harmless word costs a little context, a leaked token costs the token.
/// </summary>
internal static partial class SecretMask
{
    public const string Mask = "***";

    public static string Apply(string text)
    {
        if (text.Contains("PRIVATE KEY", StringComparison.Ordinal)) return "[private key removed]";
        text = Tokens().Replace(text, m => m.Groups["keep"].Value + Mask);
        text = Assignments().Replace(text, m => m.Groups["name"].Value + m.Groups["sep"].Value + Mask);
        return UrlCredentials().Replace(text, "://" + Mask + "@");
    }

    // Prefixes that are kept say what kind of secret was there, which helps the summary ("a GitHub token was refused").
    [GeneratedRegex(
        @"(?<keep>gh[pousr]_)[A-Za-z0-9]{16,}" +
        @"|(?<keep>github_pat_)[A-Za-z0-9_]{16,}" +
        @"|(?<keep>)\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b" +
        @"|(?<keep>\b(?:Bearer|Basic|token)\s+)[A-Za-z0-9\-._~+/]{8,}=*" +
        @"|(?<keep>)\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*" +
        @"|(?<keep>\b(?:sk|rk)-)[A-Za-z0-9_-]{16,}" +
        @"|(?<keep>\bxox[abposr]-)[A-Za-z0-9-]{8,}" +
        @"|(?<keep>\bglpat-)[A-Za-z0-9_-]{16,}" +
        @"|(?<keep>\bnpm_)[A-Za-z0-9]{20,}",
        RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(
        @"(?<name>\b[A-Za-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|credentials?|auth)[A-Za-z0-9_.-]*)(?<sep>\s*[=:]\s*|""\s*:\s*"")(?!\*\*\*)[^\s""',;&]+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Assignments();

    [GeneratedRegex(@"://[^/\s:@]+:[^/\s@]+@", RegexOptions.CultureInvariant)]
    private static partial Regex UrlCredentials();
}
