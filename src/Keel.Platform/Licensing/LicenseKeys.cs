using System.Security.Cryptography;

namespace Keel.Platform.Licensing;

/// <summary>
/// License keys read aloud and typed by people: a product prefix and six groups of five Crockford base32
/// characters (150 random bits), e.g. <c>GZ-7K3QD-M2X9P-...</c>. Parsing is forgiving (case, missing dashes,
/// O/0 and I/L/1 confusions) so a key typed from paper still works.
/// </summary>
public static class LicenseKeys
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Groups = 6;
    private const int GroupLength = 5;
    public const int MaxLength = 64;

    public static string New(string product)
    {
        var chars = new char[Groups * GroupLength];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{Prefix(product)}-{string.Join('-', chars.Chunk(GroupLength).Select(g => new string(g)))}";
    }

    /// <summary>The canonical form the hash is computed over, or null when the text cannot be a key. Separators are
    /// optional: the last 30 symbols are the key's body, whatever letters stand before them its prefix.</summary>
    public static string? Canonical(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        var compact = new string(text.Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        const int bodyLength = Groups * GroupLength;
        if (compact.Length is < bodyLength + 2 or > bodyLength + 8) return null;
        var prefix = compact[..^bodyLength];
        if (!prefix.All(char.IsAsciiLetterUpper)) return null;
        var body = new char[bodyLength];
        for (var i = 0; i < bodyLength; i++)
        {
            var c = compact[prefix.Length + i] switch { 'O' => '0', 'I' or 'L' => '1', var other => other };
            if (Alphabet.IndexOf(c) < 0) return null;
            body[i] = c;
        }
        return $"{prefix}-{string.Join('-', body.Chunk(GroupLength).Select(g => new string(g)))}";
    }

    public static byte[] Hash(string canonical) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical));

    public static string Hint(string canonical) => canonical[^5..];

    private static string Prefix(string product) => product switch
    {
        "gigzilla" => "GZ",
        "studio" => "ST",
        "fixci" => "FX",
        "market" => "MK",
        _ => new string(product.ToUpperInvariant().Where(char.IsAsciiLetterUpper).Take(4).ToArray()) is { Length: >= 2 } p ? p : "KEEL",
    };
}
