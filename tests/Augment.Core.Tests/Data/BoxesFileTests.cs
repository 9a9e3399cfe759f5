using Augment.Core.Data;
using Augment.Core.Imaging;

namespace Augment.Core.Tests.Data;

public sealed class BoxesFileTests
{
    [Fact]
    public void Read_HeaderCommasInNamesAndBlankLines_ParsesEveryBox()
    {
        using var files = new DataTestFiles();
        var path = files.PathOf("boxes.csv");
        File.WriteAllText(path, "file,x1,y1,x2,y2,label\ncat/a,b.png,1,2,3.5,4,7\n\ncat\\c.png, 0, 0, 10, 10, 1\ncat/a,b.png,5,5,6,6,2\n");
        var boxes = BoxesFile.Read(path);
        Assert.Equal([new BoundingBox(1, 2, 3.5f, 4, 7), new BoundingBox(5, 5, 6, 6, 2)], boxes["cat/a,b.png"]);
        Assert.Equal([new BoundingBox(0, 0, 10, 10, 1)], boxes["cat/c.png"]);
    }

    [Theory]
    [InlineData("a.png,1,2,x,4,0", ":1: column x2: \"x\" is not a finite number")]
    [InlineData("a.png,1,2,3,4,zz", ":1: column label: \"zz\" is not an integer")]
    [InlineData("a.png,1,2,3", ":1: expected 6 fields")]
    [InlineData("a.png,5,2,3,4,0", ":1: box (5, 2, 3, 4) has x2 < x1")]
    public void Read_BadLine_FailsNamingLineAndColumn(string line, string expected)
    {
        using var files = new DataTestFiles();
        var path = files.PathOf("boxes.csv");
        File.WriteAllText(path, line + "\n");
        var ex = Assert.Throws<DatasetException>(() => BoxesFile.Read(path));
        Assert.Contains(path + expected, ex.Message, StringComparison.Ordinal);
    }
}
