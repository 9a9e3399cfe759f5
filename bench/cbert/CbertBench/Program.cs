using System.Diagnostics;
using System.Globalization;
using Augment.Torch.Text.CondBert;
using Augment.Torch.Text.CondBert.Augmentation;
using Augment.Torch.Training;

// Usage: Augment.Cbert.Bench MODEL_DIR CORPUS_TSV THREADS NUM_AUG BATCH
// Loads the model, warms up on 32 sentences, then augments the whole corpus once and prints sentences/s.
var model = args[0];
var corpus = File.ReadAllLines(args[1]).Select(l => l.Split('\t', 2)).Select(p => new LabeledText(p[1], p[0])).ToList();
TorchRuntime.SetThreads(int.Parse(args[2], CultureInfo.InvariantCulture));
var options = new CbertAugmentOptions
{
    NumAug = int.Parse(args[3], CultureInfo.InvariantCulture),
    BatchSize = int.Parse(args[4], CultureInfo.InvariantCulture),
    Seed = 1,
};
using var cbert = ConditionalBert.Load(model);
cbert.Augment(corpus.Take(32).ToList(), options);
if (Environment.GetEnvironmentVariable("CBERT_PROFILE") == "1")
{
    Augment.Cbert.Bench.Profile.Run(cbert, corpus, options);
}

var watch = Stopwatch.StartNew();
var output = cbert.Augment(corpus, options);
var seconds = watch.Elapsed.TotalSeconds;
if (output.Count != corpus.Count * options.NumAug)
{
    throw new InvalidOperationException("wrong output count");
}

Console.WriteLine((corpus.Count / seconds).ToString("F2", CultureInfo.InvariantCulture));
