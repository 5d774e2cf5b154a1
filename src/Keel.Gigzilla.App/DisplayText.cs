using System.Globalization;
using Keel.Gigzilla.Projects;

namespace Keel.Gigzilla.App;

/// <summary>How dates, amounts and statuses read in command output.</summary>
internal static class DisplayText
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(decimal? amount, string currency) => amount is { } value ? new Money(value, currency).ToString() : "";

    public static string Totals(IReadOnlyList<Money> totals) => totals.Count == 0 ? "nothing" : string.Join(" + ", totals);

    public static string Stage(Project project) => project.Status == ProjectStatus.Done && project.HasOpenInvoice ? "done (invoiced)" : project.Status.ToStored();
}
