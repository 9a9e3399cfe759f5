namespace Augment.Core.Text.Lexicons;

/// <summary>The four WordNet parts of speech, in the order NLTK's <c>synsets()</c> visits them.</summary>
internal enum WordNetPos
{
    Noun = 0,
    Verb = 1,
    Adjective = 2,
    Adverb = 3,
}
