using System.CommandLine;
using Augment.Cli.Commands.Images;
using Augment.Core.Imaging;
using Augment.Core.Pipelines;
using Spectre.Console;

namespace Augment.Cli.Commands.Preview;

/// <summary><c>augment preview</c>: a PNG contact sheet of augmented variants of one image, boxes drawn when given.</summary>
internal static class PreviewCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var pipeline = new Option<string>("--pipeline") { Description = "Pipeline spec (JSON)", Required = true };
        var image = new Option<string>("--image") { Description = "Source image", Required = true };
        var output = new Option<string>("--out") { Description = "Output PNG", Required = true };
        var grid = new Option<string>("--grid") { Description = "Grid COLUMNSxROWS; cell k (row-major) is variant k, key (seed, 0, k)", DefaultValueFactory = _ => "4x4" };
        var seed = new Option<ulong>("--seed") { Description = "Seed", DefaultValueFactory = _ => 0UL };
        var boxes = new Option<string?>("--boxes") { Description = "Boxes JSON: [{\"x1\":…,\"y1\":…,\"x2\":…,\"y2\":…,\"label\":0}, …] in source pixels" };
        var cell = new Option<int>("--cell") { Description = "Cell size in pixels: larger variants are scaled down to fit, small ones enlarged by a whole factor (up to 8x)", DefaultValueFactory = _ => 256 };
        var command = new Command("preview", "Write a contact sheet of augmented variants of one image");
        foreach (var o in new Option[] { pipeline, image, output, grid, seed, boxes, cell })
        {
            command.Options.Add(o);
        }
        command.SetAction(parseResult => Run(
            new PreviewArguments(parseResult.GetValue(pipeline)!, parseResult.GetValue(image)!, parseResult.GetValue(output)!,
                parseResult.GetValue(grid)!, parseResult.GetValue(seed), parseResult.GetValue(boxes), parseResult.GetValue(cell)),
            CliConsole.From(parseResult)));
        return command;
    }

    /// <summary>Runs the command; returns 0, or 2 on bad arguments, spec, image or boxes file.</summary>
    public static int Run(PreviewArguments args, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var size = GridSize.TryParse(args.Grid, out var gridError);
        if (size is null)
        {
            console.Fail(gridError);
            return ImagesCommand.ExitBadInput;
        }
        if (args.Cell < 1)
        {
            console.Fail($"--cell: must be >= 1, got {args.Cell}");
            return ImagesCommand.ExitBadInput;
        }
        ImagePipeline compiled;
        AugmentSample sample;
        try
        {
            compiled = PipelineCompiler.Compile(SpecJson.ParseFile(args.Pipeline));
            var decoded = ImageDecoder.DecodeFile(args.Image, DecodeLimits.Default);
            sample = new AugmentSample(decoded) { Boxes = args.Boxes is null ? [] : BoxesFile.Read(args.Boxes) };
        }
        catch (SpecException ex)
        {
            foreach (var e in ex.Errors)
            {
                console.Fail(e.Path == args.Pipeline ? e.ToString() : $"{args.Pipeline}: {e}");
            }
            return ImagesCommand.ExitBadInput;
        }
        catch (Exception ex) when (ex is ImageDecodeException or FormatException or IOException or UnauthorizedAccessException)
        {
            console.Fail(ex is FileNotFoundException f ? $"{f.FileName}: file not found" : ex.Message);
            return ImagesCommand.ExitBadInput;
        }
        var sheet = new ContactSheet(size.Value, args.Cell).Render(compiled, sample, args.Seed, args.Boxes is not null);
        try
        {
            AtomicFile.WriteAllBytes(args.Out, new ImageFileEncoder(90).Encode(sheet, ".png"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            console.Fail($"--out: cannot write {args.Out}: {ex.Message}");
            return ImagesCommand.ExitSomeFailed;
        }
        console.Out.WriteLine($"wrote {args.Out} ({sheet.Width}x{sheet.Height}, {size.Value.Cells} variants)");
        return 0;
    }
}
