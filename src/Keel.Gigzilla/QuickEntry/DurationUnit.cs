namespace Keel.Gigzilla.QuickEntry;

internal enum DurationUnit : byte
{
    Day,
    Week,
    Fortnight,
    Month,
}
