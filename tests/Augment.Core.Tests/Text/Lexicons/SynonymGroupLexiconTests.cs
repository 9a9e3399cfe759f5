using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Lexicons;

public class SynonymGroupLexiconTests
{
    [Fact]
    public void Load_TabAndCommaGroups_LookupReturnsOtherMembers()
    {
        var lexicon = TestLexicons.Groups("# comment", "", "rápido\tveloz\tpronto", "grande, enorme");
        Assert.Equal(["veloz", "pronto"], lexicon.Lookup("Rápido"));
        Assert.Equal(["grande"], lexicon.Lookup("enorme"));
        Assert.Empty(lexicon.Lookup("casa"));
    }

    [Fact]
    public void Load_WordInTwoGroups_UnionInFileOrder()
    {
        var lexicon = TestLexicons.Groups("bank\tshore", "bank\tdepository");
        Assert.Equal(["shore", "depository"], lexicon.Lookup("bank"));
    }

    [Fact]
    public void Load_GroupOfOne_ThrowsWithLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("s.txt", "a\tb\nlonely\n");
        var e = Assert.Throws<InvalidDataException>(() => SynonymLexicon.FromSynonymFile(path));
        Assert.Contains(":2:", e.Message);
    }

    [Fact]
    public void Load_InvalidUtf8_ThrowsWithLine()
    {
        using var dir = new TempDir();
        var path = dir.WriteBytes("s.txt", [(byte)'a', (byte)'\t', (byte)'b', (byte)'\n', 0xC3, 0x28, (byte)'\t', (byte)'x', (byte)'\n']);
        var e = Assert.Throws<InvalidDataException>(() => SynonymLexicon.FromSynonymFile(path));
        Assert.Contains(":2: invalid UTF-8", e.Message);
    }

    [Fact]
    public void Load_MissingFile_Throws()
    {
        Assert.Throws<FileNotFoundException>(() => SynonymLexicon.FromSynonymFile("/no/such/synonyms.txt"));
    }
}
