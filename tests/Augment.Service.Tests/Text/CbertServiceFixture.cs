using Augment.Service.Tests.Fixtures;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Training;
using Augment.Torch.Training;

namespace Augment.Service.Tests.Text;

/// <summary>A tiny CBERT model (hidden 32, 1 layer, 2 heads, 2+2 epochs) trained once and saved to a temp folder, a
/// TSV text dataset with the same labels, and a real service with the model configured as "tiny".</summary>
public sealed class CbertServiceFixture : IAsyncLifetime
{
    /// <summary>The training (and dataset) records.</summary>
    public static readonly LabeledText[] Records = BuildRecords();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "augment-service-cbert-" + Guid.NewGuid().ToString("N"));

    /// <summary>The saved model folder.</summary>
    public string ModelPath => Path.Combine(_root, "model");

    /// <summary>The running service.</summary>
    public ServiceFixture Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        TorchRuntime.SetThreads(1);
        var labels = Records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        using (var model = ConditionalBert.CreateFromScratch(Records.Select(r => r.Text), labels,
                   new CbertScratchOptions { HiddenSize = 32, Layers = 1, Heads = 2, Seed = 3 }))
        {
            var training = new CbertTrainingOptions { Epochs = 2, BatchSize = 8, Seed = 3 };
            model.Pretrain([.. Records.Select(r => r.Text)], training);
            model.FineTune(Records, training);
            model.Save(ModelPath);
        }

        await File.WriteAllLinesAsync(Path.Combine(_root, "items.tsv"), Records.Select(r => r.Label + "\t" + r.Text));
        Service = await ServiceFixture.StartAsync(new Dictionary<string, string?>
        {
            ["Augment:Cbert:Models:tiny"] = ModelPath,
            ["Augment:Data:Datasets:items:Kind"] = "text",
            ["Augment:Data:Datasets:items:Path"] = Path.Combine(_root, "items.tsv"),
        });
    }

    public async Task DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private static LabeledText[] BuildRecords()
    {
        var records = new List<LabeledText>();
        foreach (var template in new[] { "i bought a {0} at the market", "the {0} was on the table", "we talked about the {0}" })
        {
            records.AddRange(new[] { "apple", "cherry" }.Select(w => new LabeledText(string.Format(null, template, w), "fruit")));
            records.AddRange(new[] { "truck", "boat" }.Select(w => new LabeledText(string.Format(null, template, w), "vehicle")));
        }

        return [.. records];
    }
}
