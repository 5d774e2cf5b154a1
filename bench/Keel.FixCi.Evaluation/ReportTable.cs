using System.Globalization;
using System.Text;

namespace Keel.FixCi.Evaluation;

/// <summary>Renders evaluation reports as Markdown tables.</summary>
internal static class ReportTable
{
    public static string Render(IReadOnlyList<EvaluationReport> reports)
    {
        var text = new StringBuilder();
        var (main, second) = (reports[0], reports[1]);
        text.AppendLine(CultureInfo.InvariantCulture, $"Per case, top {Methods.TopBlocks} blocks:");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| case | E lines | {main.Method}: lines | recall | precision | {second.Method}: lines | recall | precision |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (score, other) in main.Cases.Zip(second.Cases))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {score.Name} | {score.ErrorLines} | {score.ReportedLines} | {Percent(score.Recall)} | {Percent(score.Precision)} | {other.ReportedLines} | {Percent(other.Recall)} | {Percent(other.Precision)} |");
        }
        text.AppendLine();
        text.AppendLine("Totals (mean over cases):");
        text.AppendLine();
        text.AppendLine("| method | recall | precision |");
        text.AppendLine("|---|---:|---:|");
        foreach (var report in reports)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {report.Method} | {Percent(report.Recall)} | {Percent(report.Precision)} |");
        }
        return text.ToString();
    }

    private static string Percent(double value) => value.ToString("P1", CultureInfo.InvariantCulture);
}
