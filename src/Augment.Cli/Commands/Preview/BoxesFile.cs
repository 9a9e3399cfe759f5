using System.Text.Json;
using Augment.Core.Imaging;

namespace Augment.Cli.Commands.Preview;

/// <summary>Reads a boxes file: a JSON list of <c>{"x1":…, "y1":…, "x2":…, "y2":…, "label":…}</c> in pixels of the
/// source image (xyxy; <c>label</c> an integer, default 0).</summary>
internal static class BoxesFile
{
    /// <summary>Reads <paramref name="path"/>; throws <see cref="FormatException"/> naming the file, the entry and
    /// the field on any problem.</summary>
    public static IReadOnlyList<BoundingBox> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"{path}: file not found");
        }
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not valid JSON ({ex.Message})", ex);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path}: expected a JSON list of boxes [{{\"x1\":…,\"y1\":…,\"x2\":…,\"y2\":…,\"label\":…}}]");
            }
            var boxes = new List<BoundingBox>();
            var i = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var at = $"{path}: [{i}]";
                if (e.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{at}: expected an object");
                }
                var x1 = Number(e, "x1", at);
                var y1 = Number(e, "y1", at);
                var x2 = Number(e, "x2", at);
                var y2 = Number(e, "y2", at);
                if (x2 <= x1 || y2 <= y1)
                {
                    throw new FormatException($"{at}: x2 > x1 and y2 > y1 required, got ({x1}, {y1}, {x2}, {y2})");
                }
                var label = 0;
                if (e.TryGetProperty("label", out var l) && (l.ValueKind != JsonValueKind.Number || !l.TryGetInt32(out label)))
                {
                    throw new FormatException($"{at}.label: expected an integer");
                }
                boxes.Add(new BoundingBox(x1, y1, x2, y2, label));
                i++;
            }
            return boxes;
        }
    }

    private static float Number(JsonElement e, string name, string at)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number)
        {
            throw new FormatException($"{at}.{name}: expected a number");
        }
        var x = v.GetDouble();
        if (!double.IsFinite(x))
        {
            throw new FormatException($"{at}.{name}: must be finite");
        }
        return (float)x;
    }
}
