using Augment.Cli.Commands.Preview;

namespace Augment.Cli.Tests.Preview;

public sealed class GridSizeTests
{
    [Theory]
    [InlineData("4x4", 4, 4)]
    [InlineData("8X2", 8, 2)]
    [InlineData(" 1x1 ", 1, 1)]
    public void TryParse_Valid_ColumnsThenRows(string text, int columns, int rows)
    {
        Assert.Equal(new GridSize(columns, rows), GridSize.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("4x")]
    [InlineData("-1x2")]
    [InlineData("100x100")]
    public void TryParse_Invalid_NullWithMessage(string text)
    {
        Assert.Null(GridSize.TryParse(text, out var error));
        Assert.StartsWith("--grid", error, StringComparison.Ordinal);
    }
}
