namespace Augment.Cli.Commands.Images;

/// <summary>The arguments of <c>augment images</c>, as parsed.</summary>
internal sealed record ImagesArguments(
    string Input, string Output, string Pipeline, int Copies, ulong Seed, int Workers, string Format, int Quality, bool Overwrite)
{
    /// <summary>PNG compression level 0..9.</summary>
    public int PngLevel { get; init; } = 6;

    /// <summary>The output format (valid after <see cref="Validate"/> returned no problems).</summary>
    public OutputFormat ParsedFormat => Format.ToLowerInvariant() switch
    {
        "png" => OutputFormat.Png,
        "jpeg" or "jpg" => OutputFormat.Jpeg,
        _ => OutputFormat.Same,
    };

    /// <summary>Every problem with the arguments, each naming its option.</summary>
    public List<string> Validate()
    {
        var problems = new List<string>();
        if (Copies < 1)
        {
            problems.Add($"--copies: must be >= 1, got {Copies}");
        }
        if (Workers < 1)
        {
            problems.Add($"--workers: must be >= 1, got {Workers}");
        }
        if (Quality is < 1 or > 100)
        {
            problems.Add($"--quality: must lie within [1, 100], got {Quality}");
        }
        if (PngLevel is < 0 or > 9)
        {
            problems.Add($"--png-level: must lie within [0, 9], got {PngLevel}");
        }
        if (Format.ToLowerInvariant() is not ("png" or "jpeg" or "jpg" or "same"))
        {
            problems.Add($"--format: must be png, jpeg or same, got '{Format}'");
        }
        if (!Directory.Exists(Input))
        {
            problems.Add($"--input: folder not found: {Input}");
        }
        else if (IsInside(Path.GetFullPath(Output), Path.GetFullPath(Input)))
        {
            problems.Add($"--output: {Output} lies inside --input {Input}; outputs would be read back as inputs");
        }
        if (!File.Exists(Pipeline))
        {
            problems.Add($"--pipeline: file not found: {Pipeline}");
        }
        return problems;
    }

    private static bool IsInside(string path, string root)
    {
        var r = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        var p = Path.TrimEndingDirectorySeparator(path) + Path.DirectorySeparatorChar;
        return p.StartsWith(r, StringComparison.Ordinal);
    }
}
