namespace Augment.Cli.Commands.Images;

/// <summary>Writes files so that a reader sees either nothing or the whole file: bytes go to a temp file in the
/// same folder, are flushed to disk, and the temp file is renamed over the target.</summary>
internal static class AtomicFile
{
    /// <summary>Suffix of temp files (removed by <see cref="RemoveStaleTemps"/> when a run starts).</summary>
    public const string TempSuffix = ".augment-tmp";

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> atomically. On cancellation or error the
    /// temp file is deleted and the target is untouched.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, CancellationToken cancellationToken = default)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(path)}.{Environment.ProcessId}{TempSuffix}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Writes text (UTF-8, no BOM) atomically.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Deletes temp files left by a killed run under <paramref name="root"/>; returns how many.</summary>
    public static int RemoveStaleTemps(string root)
    {
        if (!Directory.Exists(root))
        {
            return 0;
        }
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
        var n = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*" + TempSuffix, options))
        {
            File.Delete(file);
            n++;
        }
        return n;
    }
}
