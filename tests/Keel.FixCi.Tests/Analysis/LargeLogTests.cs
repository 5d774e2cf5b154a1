using System.Text;
using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class LargeLogTests
{
    [Fact]
    public void A_large_log_is_analysed_from_a_stream_with_bounded_blocks()
    {
        var log = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            log.Append("2024-03-01T10:15:42.1234567Z [INFO] Downloading artifact ").Append(i).Append('\n');
            if (i % 1000 == 0)
            {
                log.Append("java.lang.IllegalStateException: noisy but harmless\n\tat a.B.c(B.java:1)\n");
            }
        }
        log.Append("[ERROR] /src/App.java:[3,5] cannot find symbol\n");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(log.ToString()));

        var result = LogAnalyzer.Analyze(stream);

        result.LineCount.ShouldBe(200_000 + 400 + 1);
        result.Blocks[0].Category.ShouldBe(Categories.Compilation);
        result.Blocks[0].Start.ShouldBe(result.LineCount);
        result.Blocks.Count.ShouldBeLessThanOrEqualTo(AnalysisOptions.Default.MaxBlocks);
    }

    [Fact]
    public void Long_blocks_keep_only_their_first_and_last_lines_as_text()
    {
        var log = new StringBuilder("java.io.IOException: No space left on device\n");
        for (var i = 0; i < 5000; i++)
        {
            log.Append("\tat a.B.m").Append(i).Append("(B.java:").Append(i).Append(")\n");
        }

        var block = LogAnalyzer.Analyze(log.ToString(), options: new AnalysisOptions { MaxLinesPerBlock = 10 }).Blocks[0];

        block.Start.ShouldBe(1);
        block.End.ShouldBe(5001);
        block.Lines.Count.ShouldBeLessThan(20);
        block.Lines[^1].Number.ShouldBe(5001);
    }
}
