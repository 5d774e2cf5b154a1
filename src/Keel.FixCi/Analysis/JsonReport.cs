using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Keel.FixCi.Analysis;

/// <summary>Renders a result as <c>{"blocks":[{"start","end","category","summary","hint"}]}</c>, best block first.</summary>
internal static class JsonReport
{
    public static string Render(AnalysisResult result)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Log text is full of quotes and angle brackets; the output is read by tools and people, never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("blocks");
            foreach (var block in result.Blocks)
            {
                json.WriteStartObject();
                json.WriteNumber("start", block.Start);
                json.WriteNumber("end", block.End);
                json.WriteString("category", block.Category);
                json.WriteString("summary", block.Summary);
                if (block.Hint is null)
                {
                    json.WriteNull("hint");
                }
                else
                {
                    json.WriteString("hint", block.Hint);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + Environment.NewLine;
    }
}
