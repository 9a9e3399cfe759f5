using Augment.Core.Randomness;
using Augment.Core.Text.Eda;
using Augment.Core.Text.IO;

namespace Augment.Core.Text;

/// <summary>Augments a text dataset file into another: reads records, augments them in parallel chunks
/// (output order = input order, every sample keyed by its record number), writes atomically.</summary>
public static class TextAugmentJob
{
    private const int ChunkSize = 256;

    /// <summary>Result counts.</summary>
    /// <param name="Records">Input records augmented.</param>
    /// <param name="Outputs">Output records written.</param>
    public readonly record struct Result(long Records, long Outputs);

    /// <summary>Runs the job. Throws <see cref="TextInputException"/> on the first bad line in fail mode,
    /// in which case the output file is not touched.</summary>
    public static async Task<Result> RunAsync(string input, string output, TextReadOptions readOptions, TextFormat outputFormat,
        EdaAugmenter augmenter, ulong seed, int threads, TextReadReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(augmenter);
        ArgumentNullException.ThrowIfNull(readOptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        if (Path.GetFullPath(input) == Path.GetFullPath(output))
        {
            throw new ArgumentException($"output: {output} is the input file; choose another path");
        }
        await using var writer = await TextFileWriter.CreateAsync(output, outputFormat, readOptions.TextColumn, readOptions.LabelColumn, cancellationToken).ConfigureAwait(false);
        var chunk = new List<TextRecord>(ChunkSize);
        long records = 0;
        await foreach (var record in TextFileReader.ReadAsync(input, readOptions, report, cancellationToken).ConfigureAwait(false))
        {
            chunk.Add(record);
            if (chunk.Count == ChunkSize)
            {
                records += Flush(chunk, writer, augmenter, seed, threads, cancellationToken);
            }
        }
        records += Flush(chunk, writer, augmenter, seed, threads, cancellationToken);
        await writer.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new Result(records, writer.Written);
    }

    private static int Flush(List<TextRecord> chunk, TextFileWriter writer, EdaAugmenter augmenter, ulong seed, int threads,
        CancellationToken cancellationToken)
    {
        var outputs = new IReadOnlyList<AugmentedText>[chunk.Count];
        if (threads == 1)
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                outputs[i] = augmenter.Augment(chunk[i].Text, new SampleKey(seed, 0, chunk[i].Index));
            }
        }
        else
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
            Parallel.For(0, chunk.Count, options, i => outputs[i] = augmenter.Augment(chunk[i].Text, new SampleKey(seed, 0, chunk[i].Index)));
        }
        for (var i = 0; i < chunk.Count; i++)
        {
            var list = outputs[i];
            for (var k = 0; k < list.Count; k++)
            {
                writer.Write(chunk[i].Label, list[k].Text, chunk[i].LabelIsJsonLiteral);
            }
        }
        var count = chunk.Count;
        chunk.Clear();
        return count;
    }
}
