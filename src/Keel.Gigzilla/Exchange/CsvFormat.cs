using System.Text;

namespace Keel.Gigzilla.Exchange;

/// <summary>RFC 4180 CSV: comma separated, fields quoted when they hold a comma, quote or line break, quotes doubled.</summary>
internal static class CsvFormat
{
    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }

            first = false;
            var text = field ?? "";
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                writer.Write('"');
                writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
                writer.Write('"');
            }
            else
            {
                writer.Write(text);
            }
        }

        writer.Write("\r\n");
    }

    /// <summary>The records of <paramref name="reader"/>, each with the line it starts on; a UTF-8 BOM is ignored.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> ReadRecords(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var startLine = 1;
        var any = false;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (c == '\uFEFF' && !any && line == 1 && field.Length == 0)
            {
                continue;
            }

            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (startLine, fields);
                    }

                    fields = [];
                    line++;
                    startLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }
}
