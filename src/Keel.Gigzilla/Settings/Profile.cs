namespace Keel.Gigzilla.Settings;

/// <summary>Who the freelancer is, as printed on invoices; seed 001's Profile.</summary>
internal sealed record Profile
{
    public string Name { get; init; } = "";

    public string? BusinessName { get; init; }

    public string Email { get; init; } = "";

    public string? Phone { get; init; }

    public string? Website { get; init; }

    public string? Avatar { get; init; }

    public string? PaypalEmail { get; init; }

    public string? BankDetails { get; init; }

    public string? Logo { get; init; }

    public string? BrandColor { get; init; }

    public string? InvoiceFooter { get; init; }

    public string? EmailSignature { get; init; }
}
