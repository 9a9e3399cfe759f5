using System.Globalization;
using Augment.Core.Imaging;

namespace Augment.Core.Data;

/// <summary>The optional boxes file of an image folder: <c>boxes.csv</c> at the folder's root, UTF-8, one box
/// per line <c>file,x1,y1,x2,y2,label</c> (file relative to the root with '/' separators; coordinates in
/// source pixels, xyxy; label an integer). A header line starting with "file," and blank lines are skipped.
/// The file name is everything before the last five commas, so names may contain commas.</summary>
internal static class BoxesFile
{
    /// <summary>The file name looked for at the root of an image folder.</summary>
    public const string FileName = "boxes.csv";

    /// <summary>Parses the file into relative path → boxes.</summary>
    public static Dictionary<string, List<BoundingBox>> Read(string path)
    {
        var result = new Dictionary<string, List<BoundingBox>>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("file,", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var parts = line.Split(',');
            if (parts.Length < 6)
            {
                throw Bad(path, lineNumber, $"expected 6 fields (file,x1,y1,x2,y2,label), got {parts.Length}");
            }
            var n = parts.Length;
            var file = string.Join(',', parts[..(n - 5)]).Replace('\\', '/');
            var x1 = Number(parts[n - 5], path, lineNumber, "x1");
            var y1 = Number(parts[n - 4], path, lineNumber, "y1");
            var x2 = Number(parts[n - 3], path, lineNumber, "x2");
            var y2 = Number(parts[n - 2], path, lineNumber, "y2");
            if (!int.TryParse(parts[n - 1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var label))
            {
                throw Bad(path, lineNumber, $"column label: \"{parts[n - 1].Trim()}\" is not an integer");
            }
            if (x2 < x1 || y2 < y1)
            {
                throw Bad(path, lineNumber, $"box ({x1}, {y1}, {x2}, {y2}) has x2 < x1 or y2 < y1");
            }
            if (!result.TryGetValue(file, out var list))
            {
                list = [];
                result[file] = list;
            }
            list.Add(new BoundingBox(x1, y1, x2, y2, label));
        }
        return result;
    }

    private static float Number(string text, string path, int line, string column)
    {
        if (!float.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !float.IsFinite(value))
        {
            throw Bad(path, line, $"column {column}: \"{text.Trim()}\" is not a finite number");
        }
        return value;
    }

    private static DatasetException Bad(string path, int line, string reason) =>
        new(DatasetErrorKind.BadFormat, $"{path}:{line}: {reason}");
}
