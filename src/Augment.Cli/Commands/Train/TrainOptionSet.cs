using System.CommandLine;
using System.Globalization;
using Augment.Torch.Training;
using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Runs;
using Augment.Torch.Training.Schedules;

namespace Augment.Cli.Commands.Train;

/// <summary>The options shared by `augment train` and `augment tune`, and their mapping to a <see cref="RunSpec"/>.</summary>
internal sealed class TrainOptionSet
{
    public Option<string> Dataset { get; } = new("--dataset") { Description = "fashion-mnist, or a folder with {train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]", DefaultValueFactory = _ => "fashion-mnist" };
    public Option<string?> Model { get; } = new("--model") { Description = "cnn | resnet | mlp (default: cnn, or the --init-from model's)" };
    public Option<string> Init { get; } = new("--init") { Description = "weight initialisation: torch (U(±1/√fan_in)) | glorot (Keras: Glorot uniform, zero bias)", DefaultValueFactory = _ => "torch" };
    public Option<string?> Padding { get; } = new("--padding") { Description = "cnn convolutions: valid (no padding) | same (padding 1) (default: valid, or the --init-from model's)" };
    public Option<double> Dropout { get; } = new("--dropout") { Description = "dropout probability on the features entering the classification head while training (0: none; keyed masks, so runs repeat and resume exactly)", DefaultValueFactory = _ => 0.0 };
    public Option<string?> Normalize { get; } = new("--normalize") { Description = "uint8 images: none | fashion-mnist | imagenet | auto (training split's statistics) | MEAN/STD, e.g. 0.286/0.353: x = (v/255 - mean)/std (default: none, or the --init-from model's)" };
    public Option<string?> Pipeline { get; } = new("--pipeline") { Description = "augmentation pipeline spec (JSON) applied to training samples" };
    public Option<int> Epochs { get; } = new("--epochs") { Description = "maximum epochs", DefaultValueFactory = _ => 10 };
    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "samples per batch", DefaultValueFactory = _ => 128 };
    public Option<string> Optimizer { get; } = new("--optimizer") { Description = "sgd | adam | adamw", DefaultValueFactory = _ => "adam" };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "base learning rate", DefaultValueFactory = _ => 1e-3 };
    public Option<double> WeightDecay { get; } = new("--weight-decay") { Description = "weight decay (L2; decoupled for adamw)", DefaultValueFactory = _ => 0 };
    public Option<double> Momentum { get; } = new("--momentum") { Description = "SGD momentum", DefaultValueFactory = _ => 0.9 };
    public Option<bool> Nesterov { get; } = new("--nesterov") { Description = "SGD Nesterov momentum" };
    public Option<string> Schedule { get; } = new("--schedule") { Description = "constant | exponential | inverse-time | step | multistep | cosine | onecycle | plateau", DefaultValueFactory = _ => "constant" };
    public Option<double> DecayRate { get; } = new("--decay-rate") { Description = "k of exponential and inverse-time decay", DefaultValueFactory = _ => 0.1 };
    public Option<double> Gamma { get; } = new("--gamma") { Description = "factor of step and multistep decay", DefaultValueFactory = _ => 0.5 };
    public Option<int> StepSize { get; } = new("--step-size") { Description = "epochs between step decays", DefaultValueFactory = _ => 5 };
    public Option<string?> Milestones { get; } = new("--milestones") { Description = "comma-separated epochs of multistep decay" };
    public Option<int> Warmup { get; } = new("--warmup") { Description = "warm-up epochs of the cosine schedule", DefaultValueFactory = _ => 0 };
    public Option<double> MinLr { get; } = new("--min-lr") { Description = "floor of cosine and plateau", DefaultValueFactory = _ => 0 };
    public Option<double> PlateauFactor { get; } = new("--plateau-factor") { Description = "reduce-on-plateau factor", DefaultValueFactory = _ => 0.1 };
    public Option<int> PlateauPatience { get; } = new("--plateau-patience") { Description = "reduce-on-plateau patience", DefaultValueFactory = _ => 3 };
    public Option<int> PlateauCooldown { get; } = new("--plateau-cooldown") { Description = "reduce-on-plateau cooldown", DefaultValueFactory = _ => 0 };
    public Option<bool> PerStep { get; } = new("--per-step") { Description = "step formula schedules every batch instead of every epoch" };
    public Option<int?> EarlyStopping { get; } = new("--early-stopping") { Description = "early stopping patience in epochs (off when absent; 10 is the usual choice)" };
    public Option<double> MinDelta { get; } = new("--min-delta") { Description = "early stopping min_delta", DefaultValueFactory = _ => 0 };
    public Option<string> Monitor { get; } = new("--monitor") { Description = "val_loss | val_accuracy | val_macro_f1 | val_worst_recall (plateau, early stopping, best checkpoint)", DefaultValueFactory = _ => "val_loss" };
    public Option<bool> ClassWeights { get; } = new("--class-weights") { Description = "weight the loss by inverse class frequency (scikit-learn 'balanced')" };
    public Option<bool> Balanced { get; } = new("--balanced") { Description = "class-balanced sampling with replacement" };
    public Option<int?> TrainSize { get; } = new("--train-size") { Description = "keep only this many training samples" };
    public Option<string?> MinorityClasses { get; } = new("--minority-classes") { Description = "comma-separated classes to down-sample (imbalance experiments)" };
    public Option<double> MinorityFraction { get; } = new("--minority-fraction") { Description = "fraction of each minority class kept", DefaultValueFactory = _ => 1.0 };
    public Option<double> ValFraction { get; } = new("--val-fraction") { Description = "fraction of the training data held out for validation", DefaultValueFactory = _ => 0.1 };
    public Option<string?> InitFrom { get; } = new("--init-from") { Description = "saved model (.model) to start from (transfer learning); its .model.json supplies --model, --padding, --normalize and --init-classes when not given" };
    public Option<int?> InitClasses { get; } = new("--init-classes") { Description = "class count of --init-from when it differs (the head is replaced; default: from its .model.json)" };
    public Option<string?> Freeze { get; } = new("--freeze") { Description = "freeze the first N backbone layers, or 'backbone' for all but the head" };
    public Option<double> BackboneLrScale { get; } = new("--backbone-lr-scale") { Description = "learning-rate multiplier of the backbone (e.g. 0.1 when fine-tuning)", DefaultValueFactory = _ => 1.0 };
    public Option<ulong> Seed { get; } = new("--seed") { Description = "seed of splits, shuffles, augmentation and initialisation", DefaultValueFactory = _ => 0UL };
    public Option<int> Threads { get; } = new("--threads") { Description = "libtorch threads (1 = deterministic)", DefaultValueFactory = _ => 1 };
    public Option<string> Label { get; } = new("--label") { Description = "label column of a tabular dataset (.csv, .tsv, .parquet)", DefaultValueFactory = _ => "label" };
    public Option<bool> Smote { get; } = new("--smote") { Description = "rebalance the training split of a tabular dataset with SMOTE (validation and test are never resampled)" };
    public Option<string?> TabularMethod { get; } = new("--tabular-method") { Description = "rebalance the training split of a tabular dataset with this sampler (smote, borderline-smote, adasyn, random-over, random-under, tomek-links, enn, smote-tomek, smote-enn)" };
    public Option<int> K { get; } = new("--k") { Description = "k nearest neighbours of the SMOTE family", DefaultValueFactory = _ => 5 };
    public Option<int> Workers { get; } = new("--workers") { Description = "parallel sample readers", DefaultValueFactory = _ => 1 };

    public void AddTo(Command command)
    {
        foreach (var o in All())
        {
            command.Options.Add(o);
        }
    }

    private IEnumerable<Option> All() =>
    [
        Dataset, Model, Init, Padding, Dropout, Normalize, Pipeline, Epochs, BatchSize, Optimizer, LearningRate, WeightDecay, Momentum, Nesterov, Schedule, DecayRate,
        Gamma, StepSize, Milestones, Warmup, MinLr, PlateauFactor, PlateauPatience, PlateauCooldown, PerStep, EarlyStopping,
        MinDelta, Monitor, ClassWeights, Balanced, TrainSize, MinorityClasses, MinorityFraction, ValFraction, InitFrom,
        InitClasses, Freeze, BackboneLrScale, Seed, Threads, Workers, Label, Smote, TabularMethod, K,
    ];

    /// <summary>The run described by the parsed options; <paramref name="checkpoints"/> is the checkpoint folder.</summary>
    public RunSpec ToSpec(ParseResult r, string? checkpoints, bool resume)
    {
        var monitor = r.GetValue(Monitor)!;
        var mode = monitor.EndsWith("loss", StringComparison.Ordinal) ? MonitorMode.Min : MonitorMode.Max;
        var patience = r.GetValue(EarlyStopping);
        var freeze = r.GetValue(Freeze);
        return new RunSpec
        {
            Dataset = r.GetValue(Dataset)!,
            Model = r.GetValue(Model),
            ModelOptions = new Augment.Torch.Training.Models.ModelOptions
            {
                Init = Augment.Torch.Training.Models.ModelOptions.ParseInit(r.GetValue(Init)!),
                Padding = r.GetValue(Padding) is { } padding ? Augment.Torch.Training.Models.ModelOptions.ParsePadding(padding) : null,
                Dropout = Augment.Torch.Training.Models.ModelOptions.CheckDropout(r.GetValue(Dropout)),
            },
            Normalize = ValidNormalize(r.GetValue(Normalize)),
            PipelinePath = r.GetValue(Pipeline),
            Optimizer = new OptimizerOptions
            {
                Kind = OptimizerOptions.ParseKind(r.GetValue(Optimizer)!),
                LearningRate = r.GetValue(LearningRate),
                WeightDecay = r.GetValue(WeightDecay),
                Momentum = r.GetValue(Momentum),
                Nesterov = r.GetValue(Nesterov),
                BackboneLearningRateScale = r.GetValue(BackboneLrScale),
            },
            Schedule = new ScheduleOptions
            {
                Kind = r.GetValue(Schedule)!,
                DecayRate = r.GetValue(DecayRate),
                Gamma = r.GetValue(Gamma),
                StepSize = r.GetValue(StepSize),
                Milestones = ParseList(r.GetValue(Milestones), "--milestones").Select(v => (long)v).ToArray(),
                WarmupEpochs = r.GetValue(Warmup),
                MinLearningRate = r.GetValue(MinLr),
                Factor = r.GetValue(PlateauFactor),
                Patience = r.GetValue(PlateauPatience),
                Cooldown = r.GetValue(PlateauCooldown),
                PerStep = r.GetValue(PerStep),
            },
            Trainer = new TrainerOptions
            {
                Epochs = r.GetValue(Epochs),
                BatchSize = r.GetValue(BatchSize),
                Seed = r.GetValue(Seed),
                Workers = r.GetValue(Workers),
                BalancedSampling = r.GetValue(Balanced),
                Monitor = monitor,
                MonitorMode = mode,
                EarlyStopping = patience is { } p ? new EarlyStoppingOptions { Monitor = monitor, Mode = mode, Patience = p, MinDelta = r.GetValue(MinDelta) } : null,
                CheckpointDirectory = checkpoints,
                Resume = resume,
            },
            ClassWeighted = r.GetValue(ClassWeights),
            TrainSize = r.GetValue(TrainSize),
            MinorityClasses = ParseList(r.GetValue(MinorityClasses), "--minority-classes"),
            MinorityFraction = r.GetValue(MinorityFraction),
            ValidationFraction = r.GetValue(ValFraction),
            InitFrom = r.GetValue(InitFrom),
            InitFromClasses = r.GetValue(InitClasses),
            Freeze = freeze is null ? 0 : freeze == "backbone" ? -1
                : int.TryParse(freeze, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n
                : throw new ArgumentException($"--freeze: '{freeze}' is neither a layer count nor 'backbone'"),
            Threads = r.GetValue(Threads),
            LabelColumn = r.GetValue(Label)!,
            Resample = ResampleFrom(r),
        };
    }

    private Augment.Core.Tabular.ResampleOptions? ResampleFrom(ParseResult r)
    {
        var method = r.GetValue(TabularMethod);
        if (method is null && !r.GetValue(Smote))
        {
            return null;
        }
        if (method is not null && r.GetValue(Smote) && !string.Equals(method.Trim(), "smote", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--smote and --tabular-method {method} contradict each other; give one");
        }
        try
        {
            var options = new Augment.Core.Tabular.ResampleOptions
            {
                Method = method is null ? Augment.Core.Tabular.TabularMethod.Smote : Augment.Core.Tabular.TabularResampler.ParseMethod(method),
                K = r.GetValue(K),
                Seed = r.GetValue(Seed),
            };
            options.Validate();
            return options;
        }
        catch (Augment.Core.Tabular.TabularException ex)
        {
            throw new ArgumentException($"--tabular-method/--k: {ex.Message}", ex);
        }
    }

    /// <summary>Rejects a malformed --normalize before any data is loaded ("auto" is resolved on the training split).</summary>
    private static string? ValidNormalize(string? text)
    {
        if (text is not null && !string.Equals(text.Trim(), "auto", StringComparison.OrdinalIgnoreCase))
        {
            _ = Augment.Torch.Training.Data.InputNormalization.Parse(text);
        }
        return text;
    }

    private static int[] ParseList(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s =>
            int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"{option}: '{s}' is not an integer"))];
    }
}
