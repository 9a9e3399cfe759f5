using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Augment.Torch.Tests.Text.CondBert;

/// <summary>A tiny random BertForMaskedLM written by Debian's python3-torch (make_tiny_bert.py), with PyTorch's
/// logits on a fixed input.</summary>
internal sealed class TinyBert : IDisposable
{
    private TinyBert(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>A private copy of this model's files.</summary>
    public TinyBert Copy()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tinybert-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(dir);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        return new TinyBert(dir);
    }

    public static TinyBert Create(string activation = "gelu")
    {
        var dir = Path.Combine(Path.GetTempPath(), $"tinybert-{Guid.NewGuid():N}");
        Python(dir, activation);
        return new TinyBert(dir);
    }

    /// <summary>PyTorch's logits for the model.safetensors + config.json in <paramref name="modelDirectory"/> on this
    /// model's input (the plain-torch BertForMaskedLM forward pass of make_tiny_bert.py).</summary>
    public float[] PyTorchLogitsOf(string modelDirectory)
    {
        File.Copy(Path.Combine(Directory, "input.json"), Path.Combine(modelDirectory, "input.json"), overwrite: true);
        Python("--forward", modelDirectory);
        var bytes = File.ReadAllBytes(Path.Combine(modelDirectory, "logits_check.f32"));
        var result = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }

    private static void Python(params string[] args)
    {
        var script = Path.Combine(SourceDirectory(), "make_tiny_bert.py");
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"make_tiny_bert.py failed: {stdout}{stderr.Result}");
        }
    }

    public (long[] Ids, long[] Types, long[] Mask, long[] Shape) Input()
    {
        var o = JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, "input.json")))!;
        long[] Flat(string name) => [.. o[name]!.AsArray().SelectMany(r => r!.AsArray().Select(x => x!.GetValue<long>()))];
        return (Flat("ids"), Flat("types"), Flat("mask"), [.. o["shape"]!.AsArray().Select(x => x!.GetValue<long>())]);
    }

    public float[] ReferenceLogits()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Directory, "logits.f32"));
        var result = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, result, 0, bytes.Length);
        return result;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
