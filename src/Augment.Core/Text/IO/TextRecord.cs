namespace Augment.Core.Text.IO;

/// <summary>One input example.</summary>
/// <param name="Index">0-based record number in the file, counting records that were skipped (keys the randomness).</param>
/// <param name="Line">1-based line number where the record starts (for messages).</param>
/// <param name="Label">The label ("" when the input has none). For JSON Lines a non-string label holds its JSON text.</param>
/// <param name="Text">The text.</param>
/// <param name="LabelIsJsonLiteral">True when <paramref name="Label"/> is a JSON number or boolean to write back verbatim.</param>
public readonly record struct TextRecord(long Index, long Line, string Label, string Text, bool LabelIsJsonLiteral = false);
