using Augment.Cli.Commands.Preview;
using Augment.Core.Imaging;

namespace Augment.Cli.Tests.Preview;

public sealed class BoxPainterTests
{
    [Fact]
    public void DrawRectangle_Box_PaintsOnlyTheOutlineWithinClip()
    {
        var image = new ImageBuffer(10, 10, 3);
        byte[] red = [255, 0, 0];

        BoxPainter.DrawRectangle(image, 2, 2, 8, 7, 1, red, (0, 0, 10, 10));

        bool Red(int x, int y) => image.Pixels[(y * 10 + x) * 3] == 255;
        Assert.True(Red(2, 2) && Red(7, 2) && Red(2, 6) && Red(7, 6) && Red(5, 2) && Red(2, 4));
        Assert.False(Red(4, 4));
        Assert.False(Red(8, 2));
        Assert.False(Red(2, 7));
        Assert.Equal(2 * 6 + 2 * 3, Enumerable.Range(0, 100).Count(i => image.Pixels[i * 3] == 255));
    }

    [Fact]
    public void DrawRectangle_Clip_PaintsOnlyInsideClip()
    {
        var image = new ImageBuffer(10, 10, 3);

        BoxPainter.DrawRectangle(image, 0, 0, 10, 10, 4, [255, 255, 255], (2, 2, 6, 6));

        var painted = Enumerable.Range(0, 100).Where(i => image.Pixels[i * 3] == 255).ToArray();
        Assert.Equal(36 - 4, painted.Length);
        Assert.All(painted, i =>
        {
            Assert.InRange(i % 10, 2, 7);
            Assert.InRange(i / 10, 2, 7);
        });
    }
}
