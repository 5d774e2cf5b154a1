using System.Globalization;
using System.Text;

namespace Keel.FixCi.Analysis;

/// <summary>Renders a result for a person: each block's category, summary and hint, then its numbered lines.</summary>
internal static class TextReport
{
    private const int MaxLineWidth = 240;

    public static string Render(AnalysisResult result, string failPath, string? passPath)
    {
        var text = new StringBuilder();
        var compared = passPath is null ? "" : $", compared with {passPath}";
        text.AppendLine(CultureInfo.InvariantCulture, $"FixCI analysis of {failPath} ({result.LineCount} lines{compared})");
        if (result.Blocks.Count == 0)
        {
            text.AppendLine();
            text.AppendLine("Nothing in this log looks like a failure.");
            return text.ToString();
        }

        var width = result.Blocks.Max(b => b.End).ToString(CultureInfo.InvariantCulture).Length;
        for (var i = 0; i < result.Blocks.Count; i++)
        {
            var block = result.Blocks[i];
            var range = block.Start == block.End ? $"line {block.Start}" : $"lines {block.Start}-{block.End}";
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"{i + 1}. [{block.Category}] {block.Summary} ({range})");
            if (block.Hint is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   Hint: {block.Hint}");
            }

            var previous = block.Start - 1;
            foreach (var line in block.Lines)
            {
                if (line.Number > previous + 1)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"   {new string(' ', width)} | ... {line.Number - previous - 1} lines not shown ...");
                }
                var content = line.Text.Length > MaxLineWidth ? line.Text[..(MaxLineWidth - 1)] + "…" : line.Text;
                text.AppendLine(CultureInfo.InvariantCulture, $"   {line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(width)} | {content}");
                previous = line.Number;
            }
            if (previous < block.End)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"   {new string(' ', width)} | ... {block.End - previous} lines not shown ...");
            }
        }
        return text.ToString();
    }
}
