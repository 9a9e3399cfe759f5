using System.CommandLine;
using Augment.Core.Pipelines;
using Spectre.Console;

namespace Augment.Cli.Commands.Images;

/// <summary><c>augment images</c>: augments a folder of images into another folder, N copies per image.</summary>
internal static class ImagesCommand
{
    /// <summary>Exit code when some files failed.</summary>
    public const int ExitSomeFailed = 1;

    /// <summary>Exit code for bad arguments or a bad spec.</summary>
    public const int ExitBadInput = 2;

    /// <summary>Exit code after Ctrl+C.</summary>
    public const int ExitCancelled = 130;

    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Input folder (walked recursively; class sub-folders are kept)", Required = true };
        var output = new Option<string>("--output") { Description = "Output folder (must not lie inside --input)", Required = true };
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline spec (JSON)", Required = true };
        var copies = new Option<int>("--copies") { Description = "Augmented copies per image", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed: the same seed gives byte-identical outputs", Required = true };
        var workers = new Option<int>("--workers") { Description = "Parallel workers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var format = new Option<string>("--format") { Description = "Output format: png (lossless, default), jpeg, or same (the source's format)", DefaultValueFactory = _ => "png" };
        var quality = new Option<int>("--quality") { Description = "JPEG quality 1..100", DefaultValueFactory = _ => 90 };
        var pngLevel = new Option<int>("--png-level") { Description = "PNG (zlib) compression level 0..9: lower is faster, larger", DefaultValueFactory = _ => 6 };
        var overwrite = new Option<bool>("--overwrite") { Description = "Regenerate outputs that already exist (default: skip them, so an interrupted run resumes)" };
        var command = new Command("images", "Augment every image of a folder tree N times into another folder");
        foreach (var o in new Option[] { input, output, pipeline, copies, seed, workers, format, quality, pngLevel, overwrite })
        {
            command.Options.Add(o);
        }
        command.SetAction((parseResult, ct) =>
        {
            var args = new ImagesArguments(
                parseResult.GetValue(input)!, parseResult.GetValue(output)!, parseResult.GetValue(pipeline)!,
                parseResult.GetValue(copies), parseResult.GetValue(seed), parseResult.GetValue(workers),
                parseResult.GetValue(format)!, parseResult.GetValue(quality), parseResult.GetValue(overwrite))
            {
                PngLevel = parseResult.GetValue(pngLevel),
            };
            return RunWithSignalsAsync(args, CliConsole.From(parseResult), ct);
        });
        return command;
    }

    private static async Task<int> RunWithSignalsAsync(ImagesArguments args, CliConsole console, CancellationToken ct)
    {
        using var signals = new TerminationSignals(ct);
        return await RunAsync(args, console, signals.Token).ConfigureAwait(false);
    }

    /// <summary>Runs the command with parsed arguments; returns the exit code.</summary>
    public static async Task<int> RunAsync(ImagesArguments args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var problems = args.Validate();
        if (problems.Count > 0)
        {
            problems.ForEach(console.Fail);
            return ExitBadInput;
        }
        ImagePipeline compiled;
        try
        {
            compiled = PipelineCompiler.Compile(SpecJson.ParseFile(args.Pipeline));
        }
        catch (SpecException ex)
        {
            foreach (var e in ex.Errors)
            {
                console.Fail(e.Path == args.Pipeline ? e.ToString() : $"{args.Pipeline}: {e}");
            }
            return ExitBadInput;
        }
        var outputRoot = Path.GetFullPath(args.Output);
        var format = args.ParsedFormat;
        var settings = RunSettings.Of(compiled.Spec, args.Seed, format, format == OutputFormat.Png ? args.PngLevel : args.Quality);
        if (!args.Overwrite && RunSettings.Read(outputRoot) is { } previous && settings.Difference(previous) is { } diff)
        {
            console.Fail($"--output {args.Output} holds outputs made with {diff}; use another --output or --overwrite");
            return ExitBadInput;
        }
        var sources = SourceScanner.Scan(args.Input, out var ignored);
        try
        {
            Directory.CreateDirectory(outputRoot);
            AtomicFile.RemoveStaleTemps(outputRoot);
            settings.Write(outputRoot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Fail($"--output: cannot write to {args.Output}: {ex.Message}");
            return ExitBadInput;
        }
        if (compiled.OutputLayout == Augment.Contracts.V1.ImageLayout.Float32Chw)
        {
            console.Out.WriteLine("note: the spec's float32 output layout and normalisation apply to tensors, not image files; files hold the uint8 result.");
        }
        var job = new ImagesJob(sources, outputRoot, compiled, args.Seed, args.Copies, args.Workers,
            new OutputNaming(sources, format), new ImageFileEncoder(args.Quality, args.PngLevel), args.Overwrite);
        var runner = new ImagesRunner(job);
        var result = await RunWithProgressAsync(runner, sources.Count * args.Copies, console, cancellationToken).ConfigureAwait(false);
        RunReport.WriteManifest(outputRoot, runner.ExistingOutputs());
        RunReport.WriteFailures(outputRoot, result.Failures);
        ImagesSummary.Print(console, result, sources.Count, ignored, outputRoot);
        return result.Cancelled ? ExitCancelled : result.Failures.Count > 0 ? ExitSomeFailed : 0;
    }

    private static async Task<ImagesResult> RunWithProgressAsync(ImagesRunner runner, int total, CliConsole console, CancellationToken ct)
    {
        if (!console.Interactive || total == 0)
        {
            return await runner.RunAsync(_ => { }, ct).ConfigureAwait(false);
        }
        ImagesResult? result = null;
        await console.Out.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("augmenting", maxValue: total);
                result = await runner.RunAsync(n => task.Increment(n), ct).ConfigureAwait(false);
                task.StopTask();
            }).ConfigureAwait(false);
        return result!;
    }
}
