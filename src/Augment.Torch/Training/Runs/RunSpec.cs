using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Schedules;

namespace Augment.Torch.Training.Runs;

/// <summary>Everything that defines one training run (what `augment train` and each tuning trial run).</summary>
public sealed record RunSpec
{
    /// <summary>"fashion-mnist" or a folder holding {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz].</summary>
    public string Dataset { get; init; } = "fashion-mnist";

    /// <summary>Model kind: cnn, resnet, mlp; null means cnn, or with <see cref="InitFrom"/> the saved model's kind.</summary>
    public string? Model { get; init; }

    /// <summary>Pipeline spec JSON applied to training samples (null: none).</summary>
    public string? PipelinePath { get; init; }

    /// <summary>Initialisation and the CNN's padding (a null padding means valid, or with <see cref="InitFrom"/> the saved model's).</summary>
    public Models.ModelOptions ModelOptions { get; init; } = new();

    /// <summary>Input normalisation of uint8 images: "none", "fashion-mnist", "imagenet", "auto" (the training
    /// split's per-channel statistics) or "MEAN/STD" lists, see <see cref="Data.InputNormalization.Parse"/>; null
    /// means none, or with <see cref="InitFrom"/> the saved model's.</summary>
    public string? Normalize { get; init; }

    /// <summary>Optimiser settings.</summary>
    public OptimizerOptions Optimizer { get; init; } = new();

    /// <summary>Schedule settings.</summary>
    public ScheduleOptions Schedule { get; init; } = new();

    /// <summary>Training-loop settings (epochs, batch size, seed, early stopping, checkpoints...).</summary>
    public TrainerOptions Trainer { get; init; } = new();

    /// <summary>Use scikit-learn "balanced" class weights in the loss.</summary>
    public bool ClassWeighted { get; init; }

    /// <summary>Keep only this many training samples (keyed choice; null: all).</summary>
    public int? TrainSize { get; init; }

    /// <summary>Classes to down-sample in the training set (imbalance experiments).</summary>
    public IReadOnlyList<int> MinorityClasses { get; init; } = [];

    /// <summary>Fraction of each minority class kept.</summary>
    public double MinorityFraction { get; init; } = 1.0;

    /// <summary>Fraction of the training set held out for validation (monitor, early stopping, plateau).</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Saved model to start from (transfer learning; null: fresh). When its description
    /// (<see cref="ModelDescription.PathFor"/>) exists, it supplies the model, padding, normalisation and class count
    /// this spec leaves open, and a conflicting setting is an error naming the option and the file.</summary>
    public string? InitFrom { get; init; }

    /// <summary>Freeze the first n backbone layers (-1: the whole backbone; 0: none).</summary>
    public int Freeze { get; init; }

    /// <summary>Classes of the checkpoint in <see cref="InitFrom"/> when it differs from the data (head replaced).</summary>
    public int? InitFromClasses { get; init; }

    /// <summary>libtorch threads.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Label column of a tabular dataset (.csv, .tsv, .parquet).</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>Rebalancing of the training split of a tabular dataset with Core's samplers (null: none); its seed
    /// is replaced by the run's seed. Validation and test rows are never resampled.</summary>
    public Augment.Core.Tabular.ResampleOptions? Resample { get; init; }
}
