namespace Augment.Core.Text.Lexicons;

/// <summary>WordNet's morphological base-form finder as NLTK 3.8 implements it: exception list first,
/// then one round of suffix rules (keeping the form itself), then further rounds until a lemma is found.
/// Forms are de-duplicated per round, so crafted inputs cannot make the work grow exponentially.</summary>
internal static class Morphy
{
    private static readonly (string Old, string New)[] NounRules =
        [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")];

    private static readonly (string Old, string New)[] VerbRules =
        [("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")];

    private static readonly (string Old, string New)[] AdjectiveRules = [("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

    /// <summary>The lemmas of <paramref name="form"/> (lower-case) in <paramref name="part"/>, in NLTK's order.</summary>
    public static List<string> BaseForms(string form, WordNetPart part, WordNetPos pos)
    {
        if (part.Exceptions.TryGetValue(form, out var bases))
        {
            return Filter([form, .. bases], part);
        }
        var rules = Rules(pos);
        var forms = Apply([form], rules);
        var results = Filter([form, .. forms], part);
        while (results.Count == 0 && forms.Count > 0)
        {
            forms = Apply(forms, rules);
            results = Filter(forms, part);
        }
        return results;
    }

    private static (string Old, string New)[] Rules(WordNetPos pos) => pos switch
    {
        WordNetPos.Noun => NounRules,
        WordNetPos.Verb => VerbRules,
        WordNetPos.Adjective => AdjectiveRules,
        _ => [],
    };

    private static List<string> Apply(List<string> forms, (string Old, string New)[] rules)
    {
        var next = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            foreach (var (old, replacement) in rules)
            {
                if (form.EndsWith(old, StringComparison.Ordinal))
                {
                    var candidate = string.Concat(form.AsSpan(0, form.Length - old.Length), replacement);
                    if (seen.Add(candidate))
                    {
                        next.Add(candidate);
                    }
                }
            }
        }
        return next;
    }

    private static List<string> Filter(List<string> forms, WordNetPart part)
    {
        var result = new List<string>();
        foreach (var form in forms)
        {
            if (part.Index.ContainsKey(form) && !result.Contains(form))
            {
                result.Add(form);
            }
        }
        return result;
    }
}
