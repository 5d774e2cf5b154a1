using System.Text;
using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

[CollectionDefinition(nameof(LargeLogTests), DisableParallelization = true)]
public sealed class LargeLogCollection;

/// <summary>A 100 MB log is read as a stream: the managed heap stays far below the log's size.</summary>
[Collection(nameof(LargeLogTests))]
public sealed class LargeLogTests
{
    private const long LogBytes = 100L * 1024 * 1024;

    [Fact]
    public async Task A_100_MB_log_is_analysed_without_holding_it_in_memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(5);
            }
        });

        using var log = new GeneratedLog(LogBytes);
        var result = LogAnalyzer.Analyze(log);
        sampling.Cancel();
        await sampler;

        log.Position.ShouldBe(LogBytes);
        result.LineCount.ShouldBeGreaterThan(1_000_000);
        result.Blocks[0].Summary.ShouldContain("CS1002");
        (peak - before).ShouldBeLessThan(64L * 1024 * 1024, $"peak managed heap grew by {(peak - before) / 1024 / 1024} MB");
    }

    /// <summary>A build log made up on the fly: endless compiler chatter with one real error near the end.</summary>
    private sealed class GeneratedLog(long length) : Stream
    {
        private static readonly byte[] Noise = Encoding.UTF8.GetBytes(
            "2026-11-23T10:00:00.0000000Z   Compiling module 42 of 9000: src/Some/Long/Path/File.cs (warnings: 0)\n");
        private static readonly byte[] Error = Encoding.UTF8.GetBytes(
            "2026-11-23T10:05:00.0000000Z src/Parser.cs(12,5): error CS1002: ; expected [/src/App.csproj]\n");
        private long _position;
        private long _lines;
        private byte[] _line = [];
        private int _lineOffset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && _position < length)
            {
                if (_lineOffset == _line.Length)
                {
                    // The error sits a few thousand lines before the end, as in a real failed build.
                    _line = _lines++ == length / Noise.Length - 5_000 ? Error : Noise;
                    _lineOffset = 0;
                }
                var take = (int)Math.Min(Math.Min(_line.Length - _lineOffset, count - written), length - _position);
                Array.Copy(_line, _lineOffset, buffer, offset + written, take);
                _lineOffset += take;
                written += take;
                _position += take;
            }
            return written;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
