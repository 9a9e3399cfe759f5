using System.Text;
using Augment.Core.Randomness;
using Augment.Core.Text.Lexicons;

namespace Augment.Core.Text.Eda;

/// <summary>Easy Data Augmentation compiled from validated options and a synonym lexicon. Thread-safe:
/// output k of a sample depends only on (seed, epoch, index, k), never on threads or call order.</summary>
public sealed class EdaAugmenter
{
    private static readonly ulong PlanStream = StableHash.Of("augment.text.eda.plan");
    private static readonly ulong VariantStream = StableHash.Of("augment.text.eda.variant");

    private readonly SynonymTable _synonyms;
    private readonly EdaOperation[] _candidates;

    /// <summary>Validates <paramref name="options"/> and binds them to <paramref name="lexicon"/>.</summary>
    public EdaAugmenter(EdaOptions options, SynonymLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lexicon);
        options.Validate();
        Options = options;
        _synonyms = new SynonymTable(lexicon, options.Tokenization);
        _candidates = Candidates(options);
    }

    private static EdaOperation[] Candidates(EdaOptions options)
    {
        var perOperation = (int)(options.NumAug / 4) + 1;
        var pool = new List<EdaOperation>(4 * perOperation);
        void Add(double alpha, EdaOperation op)
        {
            if (alpha > 0)
            {
                pool.AddRange(Enumerable.Repeat(op, perOperation));
            }
        }
        Add(options.AlphaSr, EdaOperation.SynonymReplacement);
        Add(options.AlphaRi, EdaOperation.RandomInsertion);
        Add(options.AlphaRs, EdaOperation.RandomSwap);
        Add(options.AlphaRd, EdaOperation.RandomDeletion);
        return [.. pool];
    }

    /// <summary>The options this augmenter was compiled with.</summary>
    public EdaOptions Options { get; }

    /// <summary>Augments one sentence: its augmented variants (in variant order k = 0, 1, ...) followed by the
    /// original when <see cref="EdaOptions.KeepOriginal"/> is set. With the reference tokenisation the
    /// original is the cleaned sentence, as in the reference. A sentence without words gets no variants.</summary>
    public IReadOnlyList<AugmentedText> Augment(string text, SampleKey key)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentence = Options.Tokenization == EdaTokenization.Reference ? ReferenceTokenizer.Tokenize(text) : PreserveTokenizer.Tokenize(text);
        var sb = new StringBuilder(text.Length + 32);
        var plan = sentence.Count > 0 ? Plan(key) : [];
        var results = new AugmentedText[plan.Length + (Options.KeepOriginal ? 1 : 0)];
        if (plan.Length > 0)
        {
            var analysis = NeedsSynonyms(plan) ? EdaAnalysis.Create(sentence, _synonyms) : null;
            var sampleKey = key.Value;
            for (var k = 0; k < plan.Length; k++)
            {
                // Same generator as key.For(Combine(VariantStream, k)), without recomputing the sample key.
                var rng = new Rng(SplitMix64.Combine(sampleKey, SplitMix64.Combine(VariantStream, (ulong)k)));
                results[k] = new AugmentedText(Apply(plan[k], sentence, analysis, ref rng, sb), plan[k], k);
            }
        }
        if (Options.KeepOriginal)
        {
            var original = Options.Tokenization == EdaTokenization.Reference ? EdaKernels.Join(sentence.Words, sentence.Gaps, sb) : text;
            results[^1] = new AugmentedText(original, EdaOperation.Original, -1);
        }
        return results;
    }

    private static bool NeedsSynonyms(EdaOperation[] plan)
    {
        foreach (var op in plan)
        {
            if (op is EdaOperation.SynonymReplacement or EdaOperation.RandomInsertion)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Which operation each variant uses: every enabled operation contributes floor(num_aug/4)+1
    /// candidates, shuffled with the sample's plan stream; the first num_aug are kept (or, for num_aug below 1,
    /// each with probability num_aug / candidates).</summary>
    internal EdaOperation[] Plan(SampleKey key)
    {
        Span<EdaOperation> candidates = _candidates.Length <= 1024 ? stackalloc EdaOperation[_candidates.Length] : new EdaOperation[_candidates.Length];
        _candidates.CopyTo(candidates);
        var rng = key.For(PlanStream);
        rng.Shuffle(candidates);
        if (Options.NumAug >= 1)
        {
            return candidates[..Math.Min((int)Options.NumAug, candidates.Length)].ToArray();
        }
        var keepProbability = candidates.Length == 0 ? 0 : Options.NumAug / candidates.Length;
        var kept = new List<EdaOperation>();
        foreach (var op in candidates)
        {
            if (rng.NextDouble() < keepProbability)
            {
                kept.Add(op);
            }
        }
        return [.. kept];
    }

    private string Apply(EdaOperation op, EdaSentence sentence, EdaAnalysis? analysis, ref Rng rng, StringBuilder sb) => op switch
    {
        EdaOperation.SynonymReplacement => EdaKernels.SynonymReplacement(analysis!, Count(Options.AlphaSr, sentence.Count), ref rng, sb),
        EdaOperation.RandomInsertion => EdaKernels.RandomInsertion(analysis!, Count(Options.AlphaRi, sentence.Count), Options.InsertionSkipsStopWords, ref rng, sb),
        EdaOperation.RandomSwap => EdaKernels.RandomSwap(sentence, Count(Options.AlphaRs, sentence.Count), ref rng, sb),
        EdaOperation.RandomDeletion => EdaKernels.RandomDeletion(sentence, Options.AlphaRd, ref rng, sb),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an augmentation operation"),
    };

    /// <summary>n = max(1, floor(alpha * words)), the reference's count.</summary>
    internal static int Count(double alpha, int words) => Math.Max(1, (int)(alpha * words));
}
