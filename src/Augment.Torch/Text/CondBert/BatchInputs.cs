using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert;

/// <summary>Pads rows of token ids into the three [batch, length] int64 tensors a BERT forward pass takes.</summary>
internal static class BatchInputs
{
    public static (Tensor Ids, Tensor Types, Tensor Mask) Build(IReadOnlyList<int[]> rows, IReadOnlyList<int> types, int padId)
    {
        var length = rows.Max(r => r.Length);
        var ids = new long[rows.Count * length];
        var typ = new long[rows.Count * length];
        var mask = new long[rows.Count * length];
        for (var b = 0; b < rows.Count; b++)
        {
            var row = rows[b];
            var offset = b * length;
            for (var t = 0; t < length; t++)
            {
                var real = t < row.Length;
                ids[offset + t] = real ? row[t] : padId;
                typ[offset + t] = real ? types[b] : 0;
                mask[offset + t] = real ? 1 : 0;
            }
        }

        long[] shape = [rows.Count, length];
        return (tensor(ids, shape), tensor(typ, shape), tensor(mask, shape));
    }
}
