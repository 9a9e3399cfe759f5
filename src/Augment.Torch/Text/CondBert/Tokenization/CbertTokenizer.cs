using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace Augment.Torch.Text.CondBert.Tokenization;

/// <summary>Word-piece tokenisation with Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> over a
/// <c>vocab.txt</c>, word by word so that every piece maps back to a span of the original text.</summary>
internal sealed class CbertTokenizer
{
    private static readonly string[] Specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];
    private readonly BertTokenizer tokenizer;

    private CbertTokenizer(BertTokenizer tokenizer, string[] vocabulary, bool lowerCase)
    {
        this.tokenizer = tokenizer;
        Vocabulary = vocabulary;
        LowerCase = lowerCase;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Length; i++)
        {
            index.TryAdd(vocabulary[i], i);
        }

        PadId = index["[PAD]"];
        UnkId = index["[UNK]"];
        ClsId = index["[CLS]"];
        SepId = index["[SEP]"];
        MaskId = index["[MASK]"];
        IsContinuation = vocabulary.Select(t => t.StartsWith("##", StringComparison.Ordinal) && t.Length > 2).ToArray();
        IsSpecial = vocabulary.Select(t => t.Length > 2 && t[0] == '[' && t[^1] == ']' || t.StartsWith("<unused", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>Token strings by id (the lines of vocab.txt).</summary>
    public IReadOnlyList<string> Vocabulary { get; }

    /// <summary>True when text is lower-cased (and accents stripped) before word-piece lookup.</summary>
    public bool LowerCase { get; }

    /// <summary>Per id: a "##" continuation piece.</summary>
    public bool[] IsContinuation { get; }

    /// <summary>Per id: a bracketed special token ([PAD], [CLS], [unused0], …), never sampled.</summary>
    public bool[] IsSpecial { get; }

    public int PadId { get; }
    public int UnkId { get; }
    public int ClsId { get; }
    public int SepId { get; }
    public int MaskId { get; }

    /// <summary>Loads <paramref name="vocabPath"/>; a vocabulary without the five BERT special tokens is an error naming the missing one.</summary>
    public static CbertTokenizer Load(string vocabPath, bool lowerCase)
    {
        if (!File.Exists(vocabPath))
        {
            throw new FileNotFoundException($"vocabulary not found: {vocabPath}", vocabPath);
        }

        var lines = File.ReadAllLines(vocabPath).Select(l => l.TrimEnd('\r')).ToArray();
        foreach (var special in Specials)
        {
            if (!lines.Contains(special))
            {
                throw new InvalidDataException($"{vocabPath}: the vocabulary has no {special} token (needed by the masked language model)");
            }
        }

        var options = new BertOptions { LowerCaseBeforeTokenization = lowerCase, RemoveNonSpacingMarks = lowerCase };
        var tokenizer = BertTokenizer.Create(vocabPath, options);
        return new CbertTokenizer(tokenizer, lines, lowerCase);
    }

    /// <summary>Splits <paramref name="text"/> into words and word pieces; at most <paramref name="maxPieces"/> pieces
    /// are kept (whole words only).</summary>
    public TokenizedSentence Tokenize(string text, int maxPieces)
    {
        var words = WordSplitter.Split(text);
        var ids = new List<int>();
        var owner = new List<int>();
        var kept = new List<(int, int)>();
        foreach (var (start, length) in words)
        {
            var pieces = tokenizer.EncodeToIds(text.AsSpan(start, length), addSpecialTokens: false);
            if (pieces.Count == 0)
            {
                continue;
            }

            if (ids.Count + pieces.Count > maxPieces)
            {
                break;
            }

            foreach (var id in pieces)
            {
                ids.Add(id);
                owner.Add(kept.Count);
            }

            kept.Add((start, length));
        }

        return new TokenizedSentence(text, kept, ids.ToArray(), owner.ToArray());
    }

    /// <summary>The surface form of a word made of <paramref name="pieceIds"/> ("##" prefixes removed).</summary>
    public string Join(ReadOnlySpan<int> pieceIds)
    {
        var sb = new StringBuilder();
        foreach (var id in pieceIds)
        {
            var token = Vocabulary[id];
            sb.Append(IsContinuation[id] ? token.AsSpan(2) : token.AsSpan());
        }

        return sb.ToString();
    }

    /// <summary>Lower-cases and strips accents as the tokenizer does (when <see cref="LowerCase"/>).</summary>
    public static string Normalise(string word, bool lowerCase)
    {
        if (!lowerCase)
        {
            return word;
        }

        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
