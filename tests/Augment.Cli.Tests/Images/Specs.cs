namespace Augment.Cli.Tests.Images;

/// <summary>Small pipeline specs for tests.</summary>
internal static class Specs
{
    /// <summary>Random geometry and colour, so every copy differs.</summary>
    public const string Random = """
        {"nodes":[
          {"id":"rotate","rotate":{"degrees":{"min":-20,"max":20}}},
          {"id":"crop","randomResizedCrop":{"width":48,"height":40,"scale":{"min":0.3,"max":1}}},
          {"id":"flip","p":0.5,"horizontalFlip":{}},
          {"id":"jitter","colorJitter":{"brightness":0.4,"contrast":0.4,"saturation":0.4,"hue":0.1}}]}
        """;

    /// <summary>Writes <paramref name="json"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(string path, string json = Random)
    {
        File.WriteAllText(path, json);
        return path;
    }
}
