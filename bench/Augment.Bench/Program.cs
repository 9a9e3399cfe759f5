using Augment.Bench;

return args.FirstOrDefault() switch
{
    "images" => ImageThroughput.Run(args[1..]),
    "stages" => StageProfile.Run(args[1..]),
    "kernels" => KernelTimes.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Augment.Bench images DIR SECONDS name[,name...] [pipeline-a.json] [pipeline-b.json]");
    Console.Error.WriteLine("  names: decode, ours-A, ours-B, ours-A-2w, ours-B-2w");
    return 2;
}
