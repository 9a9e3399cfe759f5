using Augment.Torch.Training;
using ScottPlot;
using SkiaSharp;

namespace Augment.Cli.Commands.Train;

/// <summary>One PNG with three stacked panels: loss, accuracy and learning rate per epoch.</summary>
internal static class MetricsPlot
{
    private const int Width = 800;
    private const int PanelHeight = 300;

    public static void Save(string path, IReadOnlyList<EpochMetrics> history)
    {
        var epochs = history.Select(h => (double)h.Epoch).ToArray();
        var panels = new[]
        {
            Panel("Loss", epochs, ("train", history.Select(h => h.TrainLoss)), ("validation", history.Select(h => h.ValLoss))),
            Panel("Accuracy", epochs, ("train", history.Select(h => h.TrainAccuracy)), ("validation", history.Select(h => h.ValAccuracy)), ("validation macro-F1", history.Select(h => h.ValMacroF1))),
            Panel("Learning rate", epochs, ("lr", history.Select(h => h.LearningRate))),
        };
        var maxLr = history.Count == 0 ? 1 : history.Max(h => h.LearningRate);
        panels[2].Axes.SetLimitsY(0, maxLr * 1.1);
        using var surface = SKSurface.Create(new SKImageInfo(Width, PanelHeight * panels.Length));
        surface.Canvas.Clear(SKColors.White);
        for (var i = 0; i < panels.Length; i++)
        {
            using var bitmap = SKBitmap.Decode(panels[i].GetImageBytes(Width, PanelHeight, ImageFormat.Png));
            surface.Canvas.DrawBitmap(bitmap, 0, i * PanelHeight);
        }
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var tmp = path + ".tmp";
        using (var file = File.Create(tmp))
        {
            data.SaveTo(file);
        }
        File.Move(tmp, path, overwrite: true);
    }

    private static Plot Panel(string title, double[] x, params (string Label, IEnumerable<double> Values)[] series)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("epoch");
        foreach (var (label, values) in series)
        {
            var y = values.ToArray();
            if (y.All(double.IsNaN) || x.Length == 0)
            {
                continue;
            }
            var s = plot.Add.Scatter(x, y);
            s.LegendText = label;
        }
        plot.ShowLegend();
        return plot;
    }
}
