using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Augment.Core.Text.IO;

/// <summary>Splits a byte stream into lines (LF or CRLF) with a byte limit per line, strict UTF-8 decoding
/// and a leading byte-order mark dropped. Over-long lines are discarded without being buffered.</summary>
internal static class Utf8LineReader
{
    public static async IAsyncEnumerable<RawLine> ReadAsync(Stream stream, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new byte[Math.Min(maxBytes, 4096)];
        var length = 0;
        var tooLong = false;
        long number = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            var start = 0;
            while (start < read)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                var count = end - start;
                if (!tooLong)
                {
                    if (length + count > maxBytes + 1)
                    {
                        tooLong = true;
                    }
                    else
                    {
                        if (length + count > line.Length)
                        {
                            Array.Resize(ref line, Math.Min(maxBytes + 1, Math.Max(line.Length * 2, length + count)));
                        }
                        Buffer.BlockCopy(buffer, start, line, length, count);
                        length += count;
                    }
                }
                if (newline < 0)
                {
                    break;
                }
                number++;
                yield return Make(number, line, length, tooLong, maxBytes);
                length = 0;
                tooLong = false;
                start = newline + 1;
            }
        }
        if (length > 0 || tooLong)
        {
            number++;
            yield return Make(number, line, length, tooLong, maxBytes);
        }
    }

    private static RawLine Make(long number, byte[] line, int length, bool tooLong, int maxBytes)
    {
        var span = line.AsSpan(0, length);
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }
        if (tooLong || span.Length > maxBytes)
        {
            return new RawLine(number, null, tooLong ? maxBytes + 1 : span.Length, "over-long line", $"line longer than {maxBytes} bytes");
        }
        if (number == 1 && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, span.Length));
        try
        {
            var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                return new RawLine(number, null, span.Length, "invalid UTF-8", $"invalid UTF-8 at byte {bytesRead + 1} of the line");
            }
            return new RawLine(number, new string(chars, 0, written), span.Length, null, null);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Strict UTF-8 without a byte-order mark, for writers.</summary>
    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false, throwOnInvalidBytes: true);
}
