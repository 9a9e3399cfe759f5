using TorchSharp;
using static TorchSharp.torch;

namespace Augment.Torch.Training.Models;

/// <summary>A classifier split into a backbone (ordered named layers, whose first n can be frozen) and a
/// linear head (replaceable for transfer learning). Every built-in model has this shape; a user model
/// can be wrapped with any backbone that outputs <see cref="FeatureCount"/> features.</summary>
public sealed class ClassifierNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> backbone;
    private readonly nn.Module<Tensor, Tensor> head;
    private Generator? dropoutGenerator;

    /// <summary>Creates the network from a backbone and a head; <paramref name="options"/> records how the
    /// backbone was built (written to checkpoint descriptions; default: torch init, valid padding).</summary>
    public ClassifierNet(string kind, nn.Module<Tensor, Tensor> backbone, long featureCount, long classCount, ModelOptions? options = null)
        : base("ClassifierNet")
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        Kind = kind;
        this.backbone = backbone;
        head = nn.Linear(featureCount, classCount);
        FeatureCount = featureCount;
        ClassCount = classCount;
        Options = (options ?? new ModelOptions()).Resolved();
        ModelOptions.CheckDropout(Options.Dropout);
        RegisterComponents();
    }

    /// <summary>The model kind ("cnn", "resnet", "mlp", "textcnn" or a user name).</summary>
    public string Kind { get; }

    /// <summary>Initialisation and padding the network was built with (<see cref="ModelOptions.Padding"/> never null).</summary>
    public ModelOptions Options { get; }

    /// <summary>Number of features the backbone produces.</summary>
    public long FeatureCount { get; }

    /// <summary>Number of output classes.</summary>
    public long ClassCount { get; }

    /// <summary>The feature extractor.</summary>
    public nn.Module<Tensor, Tensor> Backbone => backbone;

    /// <summary>The linear classification head.</summary>
    public nn.Module<Tensor, Tensor> Head => head;

    /// <summary>Number of leading backbone layers that are frozen (kept in eval mode while training).</summary>
    public int FrozenLayers { get; set; }

    /// <summary>Switches to training or evaluation mode; frozen backbone layers always stay in evaluation
    /// mode so that their batch-norm statistics do not move.</summary>
    public void SetTraining(bool training)
    {
        train(training);
        if (training && FrozenLayers > 0)
        {
            foreach (var (_, child) in backbone.named_children().Take(FrozenLayers))
            {
                child.eval();
            }
        }
    }

    /// <summary>Seeds the generator of the dropout masks (<see cref="ModelOptions.Dropout"/>) for the next training
    /// step; the trainer passes a key of (seed, epoch, step).</summary>
    public void SeedDropout(ulong key)
    {
        if (Options.Dropout > 0)
        {
            dropoutGenerator?.Dispose();
            dropoutGenerator = new Generator(key);
        }
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var features = backbone.forward(input);
        if (!training || Options.Dropout <= 0)
        {
            return head.forward(features);
        }
        // Inverted dropout: kept features are scaled by 1 / (1 - p), so evaluation needs no change.
        dropoutGenerator ??= new Generator(0);
        using var keep = rand(features.shape, generator: dropoutGenerator, dtype: features.dtype, device: features.device).ge_(Options.Dropout);
        using var dropped = features * keep * (1.0 / (1.0 - Options.Dropout));
        return head.forward(dropped);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            dropoutGenerator?.Dispose();
        }
        base.Dispose(disposing);
    }
}
