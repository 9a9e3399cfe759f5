using System.CommandLine;

namespace Augment.Cli.Commands.Cbert;

/// <summary><c>augment cbert train|augment|run</c>: conditional BERT contextual augmentation.</summary>
internal static class CbertCommand
{
    public static Command Create()
    {
        var command = new Command("cbert", "Conditional BERT augmentation: fine-tune a label-conditional masked LM, then rewrite sentences.");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Augment());
        command.Subcommands.Add(Run());
        return command;
    }

    private static Command Train()
    {
        var data = new CbertDataOptions();
        var train = new CbertTrainOptionSet();
        var outputModel = new Option<string>("--output-model") { Description = "Directory the fine-tuned model is saved to", Required = true };
        var command = new Command("train", "Fine-tune a conditional BERT on a labelled file (from --model, or a small BERT trained from scratch) and save it.");
        Add(command, [.. train.All, .. data.All, outputModel]);
        command.SetAction((r, ct) => CbertRunner.TrainAsync(train.Bind(r, data), r.GetValue(outputModel)!,
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static Command Augment()
    {
        var data = new CbertDataOptions();
        var augment = new CbertAugmentOptionSet();
        var model = new Option<string>("--model") { Description = "Fine-tuned model directory (written by augment cbert train)", Required = true };
        var command = new Command("augment", "Generate label-conditional variants of every sentence of a file with a fine-tuned model.");
        Add(command, [model, .. augment.All, .. data.All]);
        command.SetAction((r, ct) => CbertRunner.AugmentAsync(r.GetValue(model)!, augment.Bind(r, data),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static Command Run()
    {
        var data = new CbertDataOptions();
        var train = new CbertTrainOptionSet();
        var augment = new CbertAugmentOptionSet();
        var save = new Option<string?>("--save-model") { Description = "Also save the fine-tuned model to this directory" };
        var command = new Command("run", "Fine-tune on --train, then augment --input (what augment text --method cbert does).");
        Add(command, [.. train.All, .. augment.All, .. data.All, save]);
        command.SetAction((r, ct) => CbertRunner.RunAsync(train.Bind(r, data), augment.Bind(r, data), r.GetValue(save),
            r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct));
        return command;
    }

    private static void Add(Command command, IEnumerable<Option> options)
    {
        foreach (var o in options)
        {
            command.Options.Add(o);
        }
    }
}
