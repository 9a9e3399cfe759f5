using System.Globalization;
using System.Text;
using Augment.Core.Tabular;
using Augment.Torch.Training;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Runs;

namespace Augment.Torch.Tests.Training.Runs;

[Collection("torch")]
public sealed class TabularSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("augment-tabular-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two Gaussian blobs in 4-D, 400 rows of class "a" and 20 of class "b" (deterministic).</summary>
    internal static string WriteImbalancedCsv(string dir)
    {
        var path = Path.Combine(dir, "imbalanced.csv");
        var rng = new Augment.Core.Randomness.SampleKey(7, 0, 0).For(1);
        var text = new StringBuilder("x0,x1,x2,x3,label\n");
        void Row(double centre, string label)
        {
            for (var j = 0; j < 4; j++)
            {
                text.Append((centre + rng.NextGaussian()).ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }
            text.Append(label).Append('\n');
        }
        for (var i = 0; i < 420; i++)
        {
            Row(i % 21 == 0 ? 1.2 : 0.0, i % 21 == 0 ? "b" : "a");
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Load_Csv_SplitsTestRowsAndKeepsFloatFeatures()
    {
        var (train, test) = TabularSource.Load(WriteImbalancedCsv(_dir), "label", seed: 3);
        Assert.Equal(420, train.Count + test.Count);
        Assert.Equal(84, test.Count);
        Assert.Equal([4], train.SampleShape);
        Assert.Equal(SampleElementType.Float32, train.ElementType);
        Assert.Equal(2, train.ClassCount);
        Assert.Equal(20, train.ClassCounts()[1] + test.ClassCounts()[1]);
    }

    [Fact]
    public void Load_MissingLabelColumn_NamesTheColumn()
    {
        var ex = Assert.ThrowsAny<Exception>(() => TabularSource.Load(WriteImbalancedCsv(_dir), "target", seed: 0));
        Assert.Contains("target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resample_Smote_MatchesResolvedPlanAndKeepsOriginalRows()
    {
        var (train, _) = TabularSource.Load(WriteImbalancedCsv(_dir), "label", seed: 3);
        var options = new ResampleOptions { Method = TabularMethod.Smote, Seed = 5 };
        var resampled = TabularSource.Resample(train, options);
        var before = train.ClassCounts();
        Assert.Equal([before[0], before[0]], resampled.ClassCounts());
        var a = new byte[16];
        var b = new byte[16];
        for (var i = 0; i < train.Count; i++)
        {
            train.Read(i, default, a);
            resampled.Read(i, default, b);
            Assert.Equal(a, b);
        }
        var again = TabularSource.Resample(train, options);
        var c = new byte[16];
        for (var i = train.Count; i < resampled.Count; i++)
        {
            resampled.Read(i, default, b);
            again.Read(i, default, c);
            Assert.Equal(b, c);
        }
    }

    [Fact]
    public void Resample_ImageSource_IsRejected()
    {
        var images = new ArraySampleSource(new byte[8], [0, 1], [1, 2, 2], SampleElementType.UInt8, 2);
        var ex = Assert.Throws<ArgumentException>(() => TabularSource.Resample(images, new ResampleOptions()));
        Assert.Contains("tabular", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MlpWithSmote_TrainsOnBalancedSplitAndMinorityRecallDoesNotDrop()
    {
        var (train, test) = TabularSource.Load(WriteImbalancedCsv(_dir), "label", seed: 3);
        RunSpec Spec(ResampleOptions? resample) => new()
        {
            Model = "mlp",
            ValidationFraction = 0.2,
            Optimizer = new OptimizerOptions { Kind = OptimizerKind.Adam, LearningRate = 3e-3 },
            Trainer = new TrainerOptions { Epochs = 6, BatchSize = 32, Seed = 2 },
            Resample = resample,
        };
        var plain = await TrainingSession.RunAsync(Spec(null), train, test);
        var smote = await TrainingSession.RunAsync(Spec(new ResampleOptions { Method = TabularMethod.Smote }), train, test);
        var split = plain.TrainClassCounts;
        Assert.True(split[1] < split[0] / 5, $"the training split should be imbalanced: {string.Join(", ", split)}");
        Assert.Equal([split[0], split[0]], smote.TrainClassCounts);
        Assert.Equal(plain.ValidationCount, smote.ValidationCount);
        Assert.Equal(2 * split[0], smote.TrainCount);
        var minority = 1;
        Assert.True(smote.Test.PerClassRecall()[minority] >= plain.Test.PerClassRecall()[minority],
            $"minority recall with SMOTE {smote.Test.PerClassRecall()[minority]} < without {plain.Test.PerClassRecall()[minority]}");
    }
}
