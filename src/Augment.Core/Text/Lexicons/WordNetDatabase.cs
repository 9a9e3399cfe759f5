namespace Augment.Core.Text.Lexicons;

/// <summary>The parts of a WordNet database that synonym lookup needs, for the four parts of speech.</summary>
internal sealed class WordNetDatabase
{
    private readonly WordNetPart[] _parts;

    public WordNetDatabase(WordNetPart noun, WordNetPart verb, WordNetPart adjective, WordNetPart adverb)
    {
        _parts = [noun, verb, adjective, adverb];
    }

    public WordNetPart Part(WordNetPos pos) => _parts[(int)pos];

    /// <summary>Total number of synsets over all parts of speech.</summary>
    public int SynsetCount => _parts.Sum(p => p.Synsets.Length);
}
