using Augment.Core.Pipelines;

namespace Augment.Cli.Commands.Images;

/// <summary>Everything an <see cref="ImagesRunner"/> needs: sources, where outputs go, and how they are made.</summary>
internal sealed record ImagesJob(
    IReadOnlyList<SourceFile> Sources,
    string OutputRoot,
    ImagePipeline Pipeline,
    ulong Seed,
    int Copies,
    int Workers,
    OutputNaming Naming,
    ImageFileEncoder Encoder,
    bool Overwrite);
