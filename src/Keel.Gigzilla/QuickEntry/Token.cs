namespace Keel.Gigzilla.QuickEntry;

internal enum TokenKind : byte
{
    Word,
    Number,
    CurrencySymbol,
    Punctuation,
}

/// <summary>A word, number, currency symbol or punctuation mark; <paramref name="End"/> is exclusive.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int End, string Text, bool JoinedToPrevious)
{
    public bool IsPunctuation(char c) => Kind == TokenKind.Punctuation && Text[0] == c;

    public bool IsPlainInteger => Kind == TokenKind.Number && Text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;
}
