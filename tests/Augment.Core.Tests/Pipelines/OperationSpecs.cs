using Augment.Contracts.V1;
using Augment.Core.Pipelines;

namespace Augment.Core.Tests.Pipelines;

/// <summary>One JSON spec per operation, with non-trivial parameters, for the contract tests every operation inherits.</summary>
internal static class OperationSpecs
{
    public static readonly Dictionary<string, string> Json = new()
    {
        ["horizontal_flip"] = """{"horizontalFlip":{}}""",
        ["vertical_flip"] = """{"verticalFlip":{}}""",
        ["rotate"] = """{"rotate":{"degrees":{"min":-30,"max":30},"fill":[10,20,30]}}""",
        ["affine"] = """{"affine":{"degrees":{"min":-10,"max":10},"translateX":0.1,"translateY":0.1,"scale":{"min":0.8,"max":1.2},"shearX":{"min":-5,"max":5}}}""",
        ["perspective"] = """{"perspective":{"distortionScale":0.4}}""",
        ["random_resized_crop"] = """{"randomResizedCrop":{"width":32,"height":24}}""",
        ["random_crop"] = """{"randomCrop":{"width":40,"height":30,"padding":4}}""",
        ["center_crop"] = """{"centerCrop":{"width":40,"height":30}}""",
        ["resize"] = """{"resize":{"shorterSide":32}}""",
        ["pad"] = """{"pad":{"left":3,"top":2,"right":1,"bottom":4,"fill":[255]}}""",
        ["color_jitter"] = """{"colorJitter":{"brightness":0.4,"contrast":0.4,"saturation":0.4,"hue":0.1}}""",
        ["rgb_shift"] = """{"rgbShift":{"rShiftLimit":20,"gShiftLimit":20,"bShiftLimit":20}}""",
        ["grayscale"] = """{"grayscale":{}}""",
        ["channel_shuffle"] = """{"channelShuffle":{}}""",
        ["gaussian_blur"] = """{"gaussianBlur":{"kernelSize":5,"sigma":{"min":0.5,"max":1.5}}}""",
        ["gaussian_noise"] = """{"gaussianNoise":{"sigma":{"min":0.05,"max":0.1}}}""",
        ["posterize"] = """{"posterize":{"bits":3}}""",
        ["solarize"] = """{"solarize":{"threshold":100}}""",
        ["equalize"] = """{"equalize":{}}""",
        ["auto_contrast"] = """{"autoContrast":{}}""",
        ["invert"] = """{"invert":{}}""",
        ["sharpness"] = """{"sharpness":{"factor":{"min":0.2,"max":2}}}""",
        ["random_erasing"] = """{"randomErasing":{"scale":{"min":0.1,"max":0.3}}}""",
        ["cutout"] = """{"cutout":{"numHoles":2,"length":8}}""",
        ["rand_augment"] = """{"randAugment":{"numOps":3,"magnitude":12}}""",
        ["trivial_augment_wide"] = """{"trivialAugmentWide":{}}""",
        ["sequence"] = """{"sequence":{"nodes":[{"horizontalFlip":{}},{"invert":{}}]}}""",
        ["one_of"] = """{"oneOf":{"nodes":[{"horizontalFlip":{}},{"verticalFlip":{}}],"weights":[1,3]}}""",
        ["some_of"] = """{"someOf":{"nodes":[{"rotate":{"degrees":{"min":-20,"max":20}}},{"invert":{}},{"posterize":{"bits":2}}],"n":2,"replace":true}}""",
        ["random_order"] = """{"randomOrder":{"nodes":[{"rotate":{"degrees":{"min":-20,"max":20}}},{"colorJitter":{"brightness":0.5}}]}}""",
    };

    public static IEnumerable<object[]> Names => Json.Keys.Select(k => new object[] { k });

    /// <summary>A pipeline with one node holding the operation, with probability <paramref name="p"/>.</summary>
    public static ImagePipeline Compile(string name, float? p = null)
    {
        var node = Json[name];
        if (p is { } pv)
        {
            node = node.Insert(node.Length - 1, $",\"p\":{pv.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return PipelineCompiler.Compile(SpecJson.Parse($$"""{"nodes":[{{node}}]}"""));
    }

    public static Pipeline Spec(string name) => SpecJson.Parse($$"""{"nodes":[{{Json[name]}}]}""");
}
