namespace Augment.Service.Text.Cbert;

/// <summary>The <c>Augment:Cbert</c> settings besides the models.</summary>
/// <param name="Threads">libtorch intra-op threads during inference (<c>Threads</c>, default 1: OpenMP spin-waits
/// slow everything else on a shared CPU).</param>
/// <param name="QueueLimit">Calls queued per model before callers wait (<c>QueueLimit</c>, default 64).</param>
/// <param name="MaxBatchRows">Generated rows (texts x num_aug) per coalesced pass (<c>MaxBatchRows</c>, default 1024;
/// a single larger call still runs alone).</param>
internal sealed record CbertServiceSettings(int Threads, int QueueLimit, int MaxBatchRows);
