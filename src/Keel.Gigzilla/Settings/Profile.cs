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

    /// <summary>Street and number, printed on invoices and required by EN 16931 e-invoices.</summary>
    public string? Address { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2, e.g. DE.</summary>
    public string? CountryCode { get; init; }

    /// <summary>The seller's VAT identifier, e.g. DE123456789.</summary>
    public string? VatId { get; init; }

    public string? Iban { get; init; }

    public string? Bic { get; init; }
}
