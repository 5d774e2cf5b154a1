using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class PassLogTests
{
    [Fact]
    public void Errors_the_passing_run_prints_too_are_not_evidence()
    {
        var pass = LogText.Of(
            "2024-03-01T10:00:01.0000000Z ERROR: optional plugin cache not found, continuing",
            "2024-03-01T10:00:02.0000000Z Tests run: 10, Failures: 0 (1.2 s)",
            "2024-03-01T10:00:03.0000000Z BUILD SUCCESS");
        var fail = LogText.Of(
            "2024-03-02T11:30:01.0000000Z ERROR: optional plugin cache not found, continuing",
            "2024-03-02T11:30:02.0000000Z [ERROR] Tests run: 10, Failures: 1 (1.9 s) <<< FAILURE! - in shop.CartTest",
            "2024-03-02T11:30:03.0000000Z BUILD FAILURE");

        var withoutPass = LogAnalyzer.Analyze(fail);
        var withPass = LogAnalyzer.Analyze(fail, pass);

        withoutPass.Blocks.ShouldContain(b => b.Start == 1);
        withPass.UsedPassLog.ShouldBeTrue();
        withPass.Blocks[0].Start.ShouldBe(2);
        withPass.Blocks.ShouldAllBe(b => b.Start != 1);
    }

    [Fact]
    public void Lines_differing_only_in_timestamps_durations_and_hashes_count_as_shared()
    {
        var pass = LogText.Of("error: cache 3f9a2c1d7e miss after 120ms in /tmp/tmp.Xa81Kq/cache");
        var fail = LogText.Of(
            "error: cache 8b1e4f0a92 miss after 98ms in /tmp/tmp.Pz03Lm/cache",
            "error: permission denied writing /var/lib/app");

        var result = LogAnalyzer.Analyze(fail, pass);

        result.Blocks.Count.ShouldBe(1);
        result.Blocks[0].Start.ShouldBe(2);
    }

    [Fact]
    public void New_output_just_before_an_error_is_kept_as_its_context()
    {
        var pass = LogText.Of("$ python report.py", "Finished: SUCCESS");
        var fail = LogText.Of(
            "$ python report.py",
            "API changes: 2",
            "  removed method Foo.bar()",
            "Traceback (most recent call last):",
            "  File \"report.py\", line 12, in <module>",
            "NameError: name 'Github' is not defined");

        var block = LogAnalyzer.Analyze(fail, pass).Blocks[0];

        block.Start.ShouldBe(2);
        block.End.ShouldBe(6);
    }
}
