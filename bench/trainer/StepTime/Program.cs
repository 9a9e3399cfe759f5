// TorchSharp side of the step-time comparison: the same small CNN as step_time.py (built by ModelFactory),
// Adam 1e-3, batch 128, 1x28x28, 10 classes, the input in the trainer's layout (channels-last strides, as
// BatchTensors makes it). Prints the median milliseconds per training step.
// Usage: THREADS BATCH STEPS WARMUP [valid|same]
using System.Diagnostics;
using System.Globalization;
using Augment.Torch.Training;
using Augment.Torch.Training.Models;
using Augment.Torch.Training.Optimizers;
using static TorchSharp.torch;

var a = args.Take(4).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var padding = ModelOptions.ParsePadding(args.Length > 4 ? args[4] : "valid");
int threads = a[0], batch = a[1], steps = a[2], warmup = a[3];
TorchRuntime.SetThreads(threads);
var model = ModelFactory.Create(ModelKind.Cnn, [1, 28, 28], 10, seed: 0, options: new ModelOptions { Padding = padding });
using var opt = OptimizerFactory.Create(model, new OptimizerOptions { Kind = OptimizerKind.Adam, LearningRate = 1e-3 });
model.SetTraining(true);
using var input = rand(batch, 1, 28, 28);
using var x = ChannelsLast.Of(input);
using var y = randint(0, 10, [batch]);
var times = new List<double>();
for (var i = 0; i < warmup + steps; i++)
{
    var t0 = Stopwatch.GetTimestamp();
    using (NewDisposeScope())
    {
        opt.Optimizer.zero_grad();
        var loss = nn.functional.cross_entropy(model.forward(x), y);
        loss.backward();
        opt.Optimizer.step();
    }
    if (i >= warmup)
    {
        times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
    }
}
times.Sort();
Console.WriteLine(times[times.Count / 2].ToString("F3", CultureInfo.InvariantCulture));
