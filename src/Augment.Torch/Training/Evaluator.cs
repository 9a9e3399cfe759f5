using Augment.Torch.Training.Data;
using Augment.Torch.Training.Metrics;
using Augment.Torch.Training.Models;
using static TorchSharp.torch;

namespace Augment.Torch.Training;

/// <summary>Evaluates a model on a sample source (no augmentation randomness beyond the source's own, no shuffle).</summary>
public static class Evaluator
{
    /// <summary>Mean (unweighted) cross-entropy and the confusion matrix of <paramref name="model"/> on <paramref name="source"/>.</summary>
    public static Task<(double Loss, ConfusionMatrix Matrix)> EvaluateAsync(ClassifierNet model, ISampleSource source, int batchSize, ulong seed, CancellationToken cancellationToken = default) =>
        EvaluateAsync(model, source, batchSize, seed, null, cancellationToken);

    /// <summary>As <see cref="EvaluateAsync(ClassifierNet, ISampleSource, int, ulong, CancellationToken)"/>, with the
    /// training run's input normalisation (null: none).</summary>
    public static async Task<(double Loss, ConfusionMatrix Matrix)> EvaluateAsync(ClassifierNet model, ISampleSource source, int batchSize, ulong seed, InputNormalization? normalization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(source);
        var matrix = new ConfusionMatrix((int)model.ClassCount);
        var loader = new BatchLoader(source, batchSize, seed, shuffle: false);
        double lossSum = 0;
        model.SetTraining(false);
        await foreach (var batch in loader.EpochAsync(0, cancellationToken).ConfigureAwait(false))
        {
            // Grad mode and dispose scopes are thread-local in libtorch: keep them inside one synchronous block.
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var x = BatchTensors.Features(batch, source, normalization);
            var y = BatchTensors.Labels(batch);
            var logits = model.forward(x);
            lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
            var predicted = logits.argmax(1).data<long>().ToArray();
            for (var i = 0; i < batch.Count; i++)
            {
                matrix.Add((int)batch.Labels[i], (int)predicted[i]);
            }
        }
        return (source.Count == 0 ? double.NaN : lossSum / source.Count, matrix);
    }
}
