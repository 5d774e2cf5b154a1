using Keel.FixCi.Analysis;

namespace Keel.FixCi.Tests.Analysis;

public sealed class LineReaderTests
{
    [Fact]
    public void Line_feed_ends_a_line() => Lines("a\nb\n").ShouldBe(["a", "b"]);

    [Fact]
    public void Carriage_return_line_feed_ends_a_line_once() => Lines("a\r\nb\r\n").ShouldBe(["a", "b"]);

    [Fact]
    public void Lone_carriage_return_ends_a_line() => Lines("10%\r50%\r100%\ndone").ShouldBe(["10%", "50%", "100%", "done"]);

    [Fact]
    public void Empty_lines_are_kept() => Lines("a\n\n\r\n\rb").ShouldBe(["a", "", "", "", "b"]);

    [Fact]
    public void Last_line_needs_no_terminator() => Lines("a\nb").ShouldBe(["a", "b"]);

    [Fact]
    public void Empty_input_has_no_lines() => Lines("").ShouldBeEmpty();

    [Fact]
    public void Carriage_return_line_feed_split_between_reads_ends_one_line()
    {
        var reader = new LineReader(new OneCharAtATimeReader("a\r\nb\rc\r"));
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
        }
        lines.ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public void Lines_longer_than_the_buffer_are_read_whole()
    {
        var longLine = new string('x', 200_000);
        Lines($"{longLine}\nend").ShouldBe([longLine, "end"]);
    }

    private static List<string> Lines(string text)
    {
        var reader = new LineReader(new StringReader(text));
        var lines = new List<string>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    private sealed class OneCharAtATimeReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position == text.Length || count == 0)
            {
                return 0;
            }
            buffer[index] = text[_position++];
            return 1;
        }
    }
}
