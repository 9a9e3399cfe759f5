namespace Augment.Torch.Text.CondBert.Tokenization;

/// <summary>A sentence as word pieces that remember which word of the original text they came from.</summary>
/// <param name="Text">The original text.</param>
/// <param name="Words">Span of each word in <paramref name="Text"/>.</param>
/// <param name="PieceIds">Word-piece ids, without [CLS]/[SEP].</param>
/// <param name="PieceWord">For each piece, the index of its word in <paramref name="Words"/>.</param>
internal sealed record TokenizedSentence(
    string Text,
    IReadOnlyList<(int Start, int Length)> Words,
    int[] PieceIds,
    int[] PieceWord);
