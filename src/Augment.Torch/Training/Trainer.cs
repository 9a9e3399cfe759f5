using System.Diagnostics;
using System.Text.Json;
using Augment.Core.Randomness;
using Augment.Torch.Training.Data;
using Augment.Torch.Training.EarlyStopping;
using Augment.Torch.Training.Metrics;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using Augment.Torch.Training.Schedules;
using static TorchSharp.torch;

namespace Augment.Torch.Training;

/// <summary>The training loop: keyed batches, optimiser steps with the schedule's learning rate,
/// per-epoch metrics, early stopping with best-weight restore, best/last checkpoints and resume.</summary>
public sealed class Trainer
{
    private static readonly ulong DropoutStream = StableHash.Of("trainer/dropout");

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Creates a trainer.</summary>
    public Trainer(TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
    }

    /// <summary>The settings.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Called after each epoch.</summary>
    public event Action<EpochMetrics>? EpochCompleted;

    /// <summary>Called after each batch with (epoch, batch index, batch count, running loss).</summary>
    public event Action<int, int, int, double>? BatchCompleted;

    /// <summary>Trains <paramref name="model"/> on <paramref name="train"/>, validating on <paramref name="validation"/>.</summary>
    public async Task<TrainingResult> FitAsync(ClassifierNet model, ISampleSource train, ISampleSource? validation, ScaledOptimizer optimizer, ILearningRateSchedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(schedule);
        var o = Options;
        if (o.ClassWeights is { } cw && cw.Count != train.ClassCount)
        {
            throw new ArgumentException($"class weights: {cw.Count} values for {train.ClassCount} classes");
        }
        o.Normalization?.Check(train);
        var stopper = o.EarlyStopping is null ? null : new EarlyStopper(o.EarlyStopping);
        var history = new List<EpochMetrics>();
        var bestEpoch = -1;
        var bestValue = o.MonitorMode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        long startEpoch = 0;
        var description = ModelDescription.Of(model, train.SampleShape, o.Normalization);
        if (o.Resume && CheckpointExists("last"))
        {
            var state = LoadCheckpoint("last", model, optimizer, o.Normalization);
            schedule.Restore(state.Schedule);
            if (state.EarlyStopping is { } es)
            {
                stopper?.Restore(es);
            }
            startEpoch = state.NextEpoch;
            bestEpoch = state.BestEpoch;
            bestValue = state.BestValue;
            history.AddRange(state.History);
        }

        using var weights = o.ClassWeights is null ? null : tensor(o.ClassWeights.Select(w => (float)w).ToArray());
        var loader = new BatchLoader(train, o.BatchSize, o.Seed, shuffle: true, balanced: o.BalancedSampling, workers: o.Workers, prefetch: o.Prefetch);
        Dictionary<string, Tensor>? bestWeights = null;
        var stoppedAt = -1;
        var restored = false;
        var ran = 0;
        for (var epoch = (int)startEpoch; epoch < o.Epochs; epoch++)
        {
            if (o.StopAfterEpochs is { } limit && ran >= limit)
            {
                break;
            }
            var watch = Stopwatch.StartNew();
            var (trainLoss, trainAcc, lastLr) = await TrainEpochAsync(model, train, loader, optimizer, schedule, weights, epoch, cancellationToken).ConfigureAwait(false);
            var (valLoss, matrix) = validation is null
                ? (double.NaN, new ConfusionMatrix(train.ClassCount))
                : await Evaluator.EvaluateAsync(model, validation, o.BatchSize, o.Seed, o.Normalization, cancellationToken).ConfigureAwait(false);
            var metrics = new EpochMetrics(epoch, lastLr, trainLoss, trainAcc, valLoss, matrix.Accuracy(), matrix.MacroF1(), matrix.WorstClassRecall(), matrix.PerClassRecall(), watch.Elapsed.TotalSeconds);
            history.Add(metrics);
            ran++;
            var monitored = metrics.Get(o.Monitor);
            schedule.EpochCompleted(monitored);

            var improved = o.MonitorMode == MonitorMode.Min ? monitored < bestValue : monitored > bestValue;
            if (improved)
            {
                bestValue = monitored;
                bestEpoch = epoch;
                SaveWeights("best", model, description);
            }
            var stop = false;
            if (stopper is not null)
            {
                var decision = stopper.Observe(epoch, metrics.Get(stopper.Options.Monitor));
                if (decision.Improved && stopper.Options.RestoreBestWeights)
                {
                    DisposeAll(bestWeights);
                    bestWeights = Snapshot(model);
                }
                if (decision.Stop)
                {
                    stop = true;
                    stoppedAt = epoch;
                    if (decision.RestoreBest && bestWeights is not null)
                    {
                        model.load_state_dict(bestWeights);
                        restored = true;
                    }
                }
            }
            SaveCheckpoint("last", model, description, optimizer, new CheckpointState(epoch + 1, schedule.Save(), stopper?.Save(), bestEpoch, bestValue, history));
            EpochCompleted?.Invoke(metrics);
            if (stop)
            {
                break;
            }
        }
        DisposeAll(bestWeights);
        return new TrainingResult(history, bestEpoch, stoppedAt, restored);
    }

    private async Task<(double Loss, double Accuracy, double LastLr)> TrainEpochAsync(ClassifierNet model, ISampleSource train, BatchLoader loader, ScaledOptimizer optimizer, ILearningRateSchedule schedule, Tensor? weights, int epoch, CancellationToken ct)
    {
        model.SetTraining(true);
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        var lr = schedule.LearningRate;
        var batchIndex = 0;
        await foreach (var batch in loader.EpochAsync(epoch, ct).ConfigureAwait(false))
        {
            // Grad mode and dispose scopes are thread-local in libtorch: keep them inside one synchronous block.
            using var grad = enable_grad();
            using var scope = NewDisposeScope();
            lr = schedule.LearningRate;
            optimizer.SetLearningRate(lr);
            var x = BatchTensors.Features(batch, train, Options.Normalization);
            var y = BatchTensors.Labels(batch);
            optimizer.Optimizer.zero_grad();
            model.SeedDropout(new SampleKey(Options.Seed, epoch, batchIndex).For(DropoutStream).NextUInt64());
            var logits = model.forward(x);
            var loss = nn.functional.cross_entropy(logits, y, weights);
            loss.backward();
            optimizer.Optimizer.step();
            schedule.StepCompleted();
            lossSum += loss.item<float>() * batch.Count;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += batch.Count;
            BatchCompleted?.Invoke(epoch, batchIndex++, loader.BatchCount, lossSum / seen);
        }
        return (seen == 0 ? double.NaN : lossSum / seen, seen == 0 ? double.NaN : (double)correct / seen, lr);
    }

    private static Dictionary<string, Tensor> Snapshot(ClassifierNet model) =>
        model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors is null)
        {
            return;
        }
        foreach (var t in tensors.Values)
        {
            t.Dispose();
        }
    }

    private string? PathOf(string name, string ext) => Options.CheckpointDirectory is null ? null : Path.Combine(Options.CheckpointDirectory, $"{name}.{ext}");

    private bool CheckpointExists(string name) => PathOf(name, "json") is { } p && File.Exists(p);

    private void SaveWeights(string name, ClassifierNet model, ModelDescription description)
    {
        if (PathOf(name, "model") is { } path)
        {
            description.Save(model, path);
        }
    }

    private void SaveCheckpoint(string name, ClassifierNet model, ModelDescription description, ScaledOptimizer optimizer, CheckpointState state)
    {
        if (PathOf(name, "json") is not { } json)
        {
            return;
        }
        SaveWeights(name, model, description);
        var optPath = PathOf(name, "optim")!;
        var tmp = optPath + ".tmp";
        ((TorchSharp.Modules.OptimizerHelper)optimizer.Optimizer).save_state_dict(tmp);
        File.Move(tmp, optPath, overwrite: true);
        File.WriteAllText(json + ".tmp", JsonSerializer.Serialize(state, Json));
        File.Move(json + ".tmp", json, overwrite: true);
    }

    /// <summary>Loads a checkpoint to resume from, after checking its description (when there is one) against the
    /// model and normalisation of this run.</summary>
    private CheckpointState LoadCheckpoint(string name, ClassifierNet model, ScaledOptimizer optimizer, InputNormalization? normalization)
    {
        var json = PathOf(name, "json")!;
        var modelPath = PathOf(name, "model")!;
        if (ModelDescription.Load(modelPath) is { } saved)
        {
            saved.RequireArchitecture(model, modelPath, "--dataset");
            saved.RequireNormalization(normalization, modelPath);
        }
        var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(json), Json)
            ?? throw new InvalidDataException($"{json}: empty checkpoint");
        model.load(modelPath);
        ((TorchSharp.Modules.OptimizerHelper)optimizer.Optimizer).load_state_dict(PathOf(name, "optim")!);
        return state;
    }
}
