using System.Globalization;
using System.Text;

namespace Keel.Gigzilla.Invoices;

/// <summary>
/// Renders invoice numbers from a format such as <c>INV-{YYYY}-{###}</c>: <c>{YYYY}</c> and <c>{YY}</c> the year,
/// <c>{MM}</c> the month, <c>{###}</c> the sequence padded to as many digits as there are <c>#</c>.
/// </summary>
internal static class InvoiceNumberFormat
{
    /// <summary>Why <paramref name="format"/> cannot number invoices, or null when it can.</summary>
    public static string? Problem(string format, bool resetYearly)
    {
        if (!format.Contains("{#", StringComparison.Ordinal))
        {
            return $"invoice number format '{format}' has no sequence: add {{###}}, e.g. INV-{{YYYY}}-{{###}}";
        }

        if (resetYearly && !format.Contains("{YYYY}", StringComparison.Ordinal) && !format.Contains("{YY}", StringComparison.Ordinal))
        {
            return $"invoice number format '{format}' resets yearly but has no year, so numbers would repeat: add {{YYYY}} or turn off invoiceResetYearly";
        }

        var unknown = Tokens(format).FirstOrDefault(token => token is not ("YYYY" or "YY" or "MM") && token.Any(c => c != '#'));
        return unknown is null ? null : $"invoice number format '{format}' has an unknown part {{{unknown}}}; use {{YYYY}}, {{YY}}, {{MM}} or {{###}}";
    }

    public static string Render(string format, DateOnly date, int sequence)
    {
        var result = new StringBuilder(format.Length + 8);
        var position = 0;
        while (position < format.Length)
        {
            var open = format.IndexOf('{', position);
            var close = open < 0 ? -1 : format.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(format, position, format.Length - position);
                break;
            }

            result.Append(format, position, open - position);
            var token = format[(open + 1)..close];
            result.Append(token switch
            {
                "YYYY" => date.Year.ToString("0000", CultureInfo.InvariantCulture),
                "YY" => (date.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                "MM" => date.Month.ToString("00", CultureInfo.InvariantCulture),
                _ => sequence.ToString(new string('0', token.Length), CultureInfo.InvariantCulture),
            });
            position = close + 1;
        }

        return result.ToString();
    }

    private static IEnumerable<string> Tokens(string format)
    {
        var position = 0;
        while (format.IndexOf('{', position) is var open and >= 0 && format.IndexOf('}', open) is var close and >= 0)
        {
            yield return format[(open + 1)..close];
            position = close + 1;
        }
    }
}
