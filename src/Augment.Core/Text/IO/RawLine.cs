namespace Augment.Core.Text.IO;

/// <summary>One physical line: decoded text, or why it could not be decoded.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The line without its line ending; null when <paramref name="ErrorKind"/> is set.</param>
/// <param name="ByteLength">Length in bytes (without the line ending).</param>
/// <param name="ErrorKind">"invalid UTF-8" or "over-long line", or null.</param>
/// <param name="ErrorDetail">The full reason.</param>
internal readonly record struct RawLine(long Number, string? Text, int ByteLength, string? ErrorKind, string? ErrorDetail);
