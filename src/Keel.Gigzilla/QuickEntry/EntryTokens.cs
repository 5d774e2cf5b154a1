namespace Keel.Gigzilla.QuickEntry;

/// <summary>
/// The tokens of one line and what each has been claimed for. Recognizers run in turn and only see
/// tokens that earlier ones left free; accessors return nothing for claimed or out-of-range tokens.
/// </summary>
internal sealed class EntryTokens
{
    private readonly Token[] tokens;
    private readonly TokenClaim[] claims;

    public EntryTokens(string text)
    {
        Text = text;
        tokens = QuickEntryTokenizer.Tokenize(text);
        claims = new TokenClaim[tokens.Length];
    }

    public string Text { get; }

    public int Count => tokens.Length;

    public Token this[int index] => tokens[index];

    public TokenClaim ClaimOf(int index) => claims[index];

    public bool IsFree(int index) => index >= 0 && index < tokens.Length && claims[index] == TokenClaim.None;

    public bool IsFreeKind(int index, TokenKind kind) => IsFree(index) && tokens[index].Kind == kind;

    /// <summary>The text of a free word at <paramref name="index"/>, or null.</summary>
    public string? FreeWord(int index) => IsFreeKind(index, TokenKind.Word) ? tokens[index].Text : null;

    public bool IsWord(int index, string word) =>
        IsFreeKind(index, TokenKind.Word) && string.Equals(tokens[index].Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsWordIn(int index, IReadOnlySet<string> words) =>
        IsFreeKind(index, TokenKind.Word) && words.Contains(tokens[index].Text);

    public bool IsPunctuation(int index, char c) => IsFree(index) && tokens[index].IsPunctuation(c);

    /// <summary>True when the token touches its predecessor, as "k" does in "1.5k".</summary>
    public bool IsJoined(int index) => index > 0 && index < tokens.Length && tokens[index].JoinedToPrevious;

    /// <summary>True for a hyphen, apostrophe or similar inside a word, as in "e-commerce" or "Smith&amp;Co".</summary>
    public bool IsInsideWord(int index) =>
        index > 0 && index + 1 < tokens.Length
        && tokens[index].Kind == TokenKind.Punctuation
        && tokens[index].JoinedToPrevious && tokens[index + 1].JoinedToPrevious
        && tokens[index - 1].Kind is TokenKind.Word or TokenKind.Number
        && tokens[index + 1].Kind is TokenKind.Word or TokenKind.Number;

    public void Claim(int start, int end, TokenClaim claim)
    {
        for (var i = start; i < end; i++)
        {
            claims[i] = claim;
        }
    }

    /// <summary>The text from the start of token <paramref name="first"/> to the end of token <paramref name="last"/>.</summary>
    public string Slice(int first, int last) => Text[tokens[first].Start..tokens[last].End];

    public RecognizedSpan? SpanOf(TokenClaim claim, QuickEntryField field)
    {
        var first = Array.IndexOf(claims, claim);
        if (first < 0)
        {
            return null;
        }

        var last = Array.LastIndexOf(claims, claim);
        return new RecognizedSpan(field, tokens[first].Start, tokens[last].End - tokens[first].Start);
    }
}
