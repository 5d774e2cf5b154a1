using Keel.Platform.Auth;

namespace Keel.Platform.ApiKeys;

/// <summary><c>keel_</c> followed by 43 base64url characters (256 bits). The fixed prefix lets secret scanners and
/// people recognise a Keel key; the first characters after it are shown in lists.</summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "keel_";
    public const int MaxLength = 100;

    public static string NewSecret() => Prefix + Tokens.New();

    public static string DisplayPrefix(string secret) => secret[..(Prefix.Length + 8)];
}
