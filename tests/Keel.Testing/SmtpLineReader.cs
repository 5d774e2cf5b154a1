namespace Keel.Testing;

/// <summary>Reads CRLF- (or bare LF-) terminated lines as raw bytes, so 8-bit message data survives unchanged.</summary>
internal sealed class SmtpLineReader(Stream stream)
{
    const int MaxLineLength = 1024 * 1024;

    readonly byte[] buffer = new byte[16 * 1024];
    int start;
    int end;

    /// <summary>Returns the next line without its terminator, or null when the client closed the connection.</summary>
    public async ValueTask<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        using var line = new MemoryStream();
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (newline >= 0)
            {
                line.Write(buffer, start, newline - start);
                start = newline + 1;
                var bytes = line.ToArray();
                return bytes.Length > 0 && bytes[^1] == '\r' ? bytes[..^1] : bytes;
            }

            line.Write(buffer, start, end - start);
            start = end = 0;
            if (line.Length > MaxLineLength)
            {
                throw new InvalidDataException($"An SMTP line exceeded {MaxLineLength} bytes.");
            }

            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            end = read;
        }
    }
}
