namespace Augment.Cli.Commands.Preview;

/// <summary>A contact-sheet grid, written <c>COLUMNSxROWS</c> (for example <c>4x4</c> or <c>8x2</c>).</summary>
internal readonly record struct GridSize(int Columns, int Rows)
{
    /// <summary>Largest number of cells accepted.</summary>
    public const int MaxCells = 1024;

    /// <summary>Number of cells.</summary>
    public int Cells => Columns * Rows;

    /// <summary>Parses <paramref name="text"/>; returns null and an error message when it is not valid.</summary>
    public static GridSize? TryParse(string text, out string error)
    {
        error = "";
        var parts = (text ?? "").Trim().ToLowerInvariant().Split('x');
        if (parts.Length != 2 || !int.TryParse(parts[0], out var c) || !int.TryParse(parts[1], out var r))
        {
            error = $"--grid: expected COLUMNSxROWS such as 4x4, got '{text}'";
            return null;
        }
        if (c < 1 || r < 1 || (long)c * r > MaxCells)
        {
            error = $"--grid: columns and rows must be >= 1 with at most {MaxCells} cells, got '{text}'";
            return null;
        }
        return new GridSize(c, r);
    }
}
