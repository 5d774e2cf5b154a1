namespace Keel.Gigzilla.QuickEntry;

/// <summary>What a token was used for; <see cref="Cue"/> marks connecting words ("by", "budget") dropped from the title.</summary>
internal enum TokenClaim : byte
{
    None,
    Client,
    Amount,
    Deadline,
    Cue,
}
