namespace Augment.Cli.Commands.Preview;

/// <summary>The arguments of <c>augment preview</c>, as parsed.</summary>
internal sealed record PreviewArguments(string Pipeline, string Image, string Out, string Grid, ulong Seed, string? Boxes, int Cell);
