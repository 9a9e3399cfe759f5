using System.Runtime.CompilerServices;

// The CBERT benchmark profiles the encoder, head and sampler separately.
[assembly: InternalsVisibleTo("Augment.Cbert.Bench")]
