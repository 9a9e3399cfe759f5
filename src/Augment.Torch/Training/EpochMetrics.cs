namespace Augment.Torch.Training;

/// <summary>What one epoch produced.</summary>
/// <param name="Epoch">0-based epoch.</param>
/// <param name="LearningRate">Base learning rate used during the epoch's last step.</param>
/// <param name="TrainLoss">Mean training loss.</param>
/// <param name="TrainAccuracy">Training accuracy (on augmented samples).</param>
/// <param name="ValLoss">Validation loss (NaN without validation data).</param>
/// <param name="ValAccuracy">Validation accuracy.</param>
/// <param name="ValMacroF1">Validation macro-F1.</param>
/// <param name="ValWorstRecall">Lowest per-class validation recall.</param>
/// <param name="ValPerClassRecall">Validation recall of each class.</param>
/// <param name="Seconds">Wall time of the epoch.</param>
public sealed record EpochMetrics(
    int Epoch,
    double LearningRate,
    double TrainLoss,
    double TrainAccuracy,
    double ValLoss,
    double ValAccuracy,
    double ValMacroF1,
    double ValWorstRecall,
    IReadOnlyList<double> ValPerClassRecall,
    double Seconds)
{
    /// <summary>The value of a metric by name: train_loss, train_accuracy, val_loss, val_accuracy, val_macro_f1, val_worst_recall.</summary>
    public double Get(string name) => name switch
    {
        "train_loss" => TrainLoss,
        "train_accuracy" => TrainAccuracy,
        "val_loss" => ValLoss,
        "val_accuracy" => ValAccuracy,
        "val_macro_f1" => ValMacroF1,
        "val_worst_recall" => ValWorstRecall,
        _ => throw new ArgumentException($"unknown metric '{name}' (expected train_loss, train_accuracy, val_loss, val_accuracy, val_macro_f1 or val_worst_recall)"),
    };
}
