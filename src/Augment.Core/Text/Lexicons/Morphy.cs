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
        var results = new List<string>(2);
        BaseForms(form, part, pos, results);
        return results;
    }

    /// <summary>Appends the lemmas of <paramref name="form"/> to <paramref name="results"/> (which must be empty).</summary>
    public static void BaseForms(string form, WordNetPart part, WordNetPos pos, List<string> results)
    {
        if (part.Exceptions.TryGetValue(form, out var bases))
        {
            AddIfLemma(form, part, results);
            foreach (var b in bases)
            {
                AddIfLemma(b, part, results);
            }
            return;
        }
        var rules = Rules(pos);
        AddIfLemma(form, part, results);
        List<string>? forms = null;
        if (rules.Length > 0)
        {
            forms = Apply([form], rules);
            foreach (var f in forms)
            {
                AddIfLemma(f, part, results);
            }
        }
        while (results.Count == 0 && forms is { Count: > 0 })
        {
            forms = Apply(forms, rules);
            foreach (var f in forms)
            {
                AddIfLemma(f, part, results);
            }
        }
    }

    private static void AddIfLemma(string form, WordNetPart part, List<string> results)
    {
        if (part.Index.ContainsKey(form) && !results.Contains(form))
        {
            results.Add(form);
        }
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
        foreach (var form in forms)
        {
            foreach (var (old, replacement) in rules)
            {
                if (form.EndsWith(old, StringComparison.Ordinal))
                {
                    var candidate = string.Concat(form.AsSpan(0, form.Length - old.Length), replacement);
                    if (!next.Contains(candidate))
                    {
                        next.Add(candidate);
                    }
                }
            }
        }
        return next;
    }
}
