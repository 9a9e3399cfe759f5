using Augment.Core.Text.Lexicons;

namespace Augment.Core.Tests.Text.Lexicons;

public class WordNetFolderReaderTests
{
    private static void WriteMiniDatabase(TempDir dir, string nounData)
    {
        dir.Write("data.noun", "  1 license header line\n" + nounData);
        dir.Write("index.noun", "  1 license\ncar n 1 0 1 0 00000010\nauto n 1 0 1 0 00000010\n");
        dir.Write("noun.exc", "cars car\n");
        foreach (var name in new[] { "verb", "adj", "adv" })
        {
            dir.Write("data." + name, "  1 license\n");
            dir.Write("index." + name, "  1 license\n");
            dir.Write(name + ".exc", "");
        }
    }

    [Fact]
    public void Read_MiniDatabase_LoadsSynsetsIndexAndExceptions()
    {
        using var dir = new TempDir();
        WriteMiniDatabase(dir, "00000010 06 n 03 car 0 auto 0 motorcar(p) 0 000 | a motor vehicle\n");
        var lexicon = SynonymLexicon.FromWordNetDatabase(dir.Path);
        Assert.Equal(["car", "auto", "motorcar"], lexicon.Lookup("cars"));
        Assert.Equal(["car", "auto", "motorcar"], lexicon.Lookup("auto"));
    }

    [Fact]
    public void Read_MissingFolder_ThrowsNamingFolder()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => WordNetFolderReader.Read("/no/such/wordnet"));
        Assert.Contains("/no/such/wordnet", e.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingFile()
    {
        using var dir = new TempDir();
        WriteMiniDatabase(dir, "00000010 06 n 02 car 0 auto 0 000 | x\n");
        File.Delete(dir.File("adv.exc"));
        var e = Assert.Throws<FileNotFoundException>(() => WordNetFolderReader.Read(dir.Path));
        Assert.Contains("adv.exc", e.Message);
    }

    [Fact]
    public void Read_CorruptDataLine_ThrowsWithFileAndLine()
    {
        using var dir = new TempDir();
        WriteMiniDatabase(dir, "00000010 06 n zz car\n");
        var e = Assert.Throws<InvalidDataException>(() => WordNetFolderReader.Read(dir.Path));
        Assert.Contains("data.noun:2", e.Message);
    }

    [Fact]
    public void Read_IndexPointsToUnknownOffset_Throws()
    {
        using var dir = new TempDir();
        WriteMiniDatabase(dir, "00000099 06 n 02 car 0 auto 0 000 | x\n");
        var e = Assert.Throws<InvalidDataException>(() => WordNetFolderReader.Read(dir.Path));
        Assert.Contains("index.noun:2", e.Message);
        Assert.Contains("00000010", e.Message);
    }

    [Theory]
    [InlineData("big(a)", "big")]
    [InlineData("galore(ip)", "galore")]
    [InlineData("car", "car")]
    public void StripMarker_AdjectiveMarkers_Removed(string lemma, string expected)
    {
        Assert.Equal(expected, WordNetFolderReader.StripMarker(lemma));
    }
}
