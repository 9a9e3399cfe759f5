using Augment.Core.Pipelines;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Transfer;

namespace Augment.Torch.Training.Runs;

/// <summary>Runs one <see cref="RunSpec"/> end to end: data, model, optimiser, schedule, trainer, test evaluation.</summary>
public static class TrainingSession
{
    /// <summary>Runs the spec on already-loaded (train, test) data.</summary>
    public static async Task<RunOutcome> RunAsync(RunSpec spec, ArraySampleSource allTrain, ArraySampleSource test, Action<Trainer>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(allTrain);
        ArgumentNullException.ThrowIfNull(test);
        TorchRuntime.SetThreads(spec.Threads);
        var seed = spec.Trainer.Seed;
        var (train, val) = DataPreparation.Prepare(allTrain, seed, spec.ValidationFraction, spec.TrainSize, spec.MinorityClasses, spec.MinorityFraction);
        if (spec.Resample is { } resample)
        {
            train = TabularSource.Resample(train, resample with { Seed = seed }, cancellationToken);
        }
        var saved = spec.InitFrom is { } from ? ModelDescription.Load(from) : null;
        if (saved is not null)
        {
            spec = WithDefaultsFrom(spec, saved, train.ClassCount);
        }
        var normalization = InputNormalization.Parse(spec.Normalize, train);
        if (spec.PipelinePath is { } pipelinePath)
        {
            var pipeline = PipelineCompiler.Compile(SpecJson.ParseFile(pipelinePath));
            train = train.WithAugmentation(PipelineAugmentation.For(pipeline, train.SampleShape));
        }
        var kind = ModelFactory.Parse(spec.Model ?? "cnn");
        var classes = train.ClassCount;
        var model = ModelFactory.Create(kind, train.SampleShape, spec.InitFromClasses ?? classes, seed, options: spec.ModelOptions);
        if (spec.InitFrom is { } init)
        {
            saved?.RequireNormalization(normalization, init);
            TransferLearning.LoadWeights(model, init, skipHead: false);
        }
        if (model.ClassCount != classes)
        {
            model = TransferLearning.ReplaceHead(model, classes, seed, spec.ModelOptions.Init);
        }
        if (spec.Freeze < 0)
        {
            TransferLearning.FreezeBackbone(model);
        }
        else if (spec.Freeze > 0)
        {
            TransferLearning.FreezeFirst(model, spec.Freeze);
        }
        var trainerOptions = spec.Trainer with
        {
            ClassWeights = spec.ClassWeighted ? ClassWeights.Balanced(train.ClassCounts()) : spec.Trainer.ClassWeights,
            Normalization = normalization ?? spec.Trainer.Normalization,
        };
        if (val is null && (trainerOptions.Monitor.StartsWith("val_", StringComparison.Ordinal) && (trainerOptions.EarlyStopping is not null || spec.Schedule.Kind == "plateau")))
        {
            throw new ArgumentException("early stopping and the plateau schedule monitor validation metrics: set --val-fraction > 0");
        }
        using var optimizer = OptimizerFactory.Create(model, spec.Optimizer);
        var stepsPerEpoch = (train.Count + trainerOptions.BatchSize - 1) / trainerOptions.BatchSize;
        var schedule = spec.Schedule.Create(spec.Optimizer.LearningRate, trainerOptions.Epochs, stepsPerEpoch, trainerOptions.MonitorMode);
        var trainer = new Trainer(trainerOptions);
        configure?.Invoke(trainer);
        var result = await trainer.FitAsync(model, train, val, optimizer, schedule, cancellationToken).ConfigureAwait(false);
        var (testLoss, matrix) = await Evaluator.EvaluateAsync(model, test, trainerOptions.BatchSize, seed, trainerOptions.Normalization, cancellationToken).ConfigureAwait(false);
        var description = ModelDescription.Of(model, train.SampleShape, trainerOptions.Normalization);
        if (trainerOptions.CheckpointDirectory is { } dir)
        {
            description.Save(model, Path.Combine(dir, "final.model"));
        }
        model.Dispose();
        return new RunOutcome(result, testLoss, matrix, train.Count, val?.Count ?? 0)
        {
            TrainClassCounts = train.ClassCounts(),
            Normalization = trainerOptions.Normalization,
            Model = description,
        };
    }

    /// <summary>The spec with what it leaves open (model, padding, normalisation, the checkpoint's class count when
    /// the data has another) taken from the description of the <c>InitFrom</c> checkpoint. Options the spec sets
    /// stay, and are checked against the checkpoint when it is loaded (another model kind keeps its own default
    /// padding, so that the error names --model).</summary>
    private static RunSpec WithDefaultsFrom(RunSpec spec, ModelDescription saved, int dataClasses) => spec with
    {
        Model = spec.Model ?? saved.Kind,
        ModelOptions = spec.ModelOptions with
        {
            Padding = spec.ModelOptions.Padding ?? (spec.Model is null || string.Equals(spec.Model, saved.Kind, StringComparison.OrdinalIgnoreCase) ? saved.Padding : null),
        },
        Normalize = spec.Normalize ?? saved.Normalize ?? "none",
        InitFromClasses = spec.InitFromClasses ?? (saved.ClassCount != dataClasses ? saved.ClassCount : null),
    };
}
