using static TorchSharp.torch;

namespace Augment.Torch.Text.CondBert.Model;

/// <summary>The feed-forward activations Hugging Face's BERT configs name in <c>hidden_act</c>.</summary>
internal static class BertActivation
{
    private static readonly double TanhScale = Math.Sqrt(2.0 / Math.PI);

    public static bool IsKnown(string name) => name is "gelu" or "gelu_new" or "gelu_pytorch_tanh" or "relu";

    public static Tensor Apply(string name, Tensor x) => name switch
    {
        "gelu" => nn.functional.gelu(x),
        "gelu_new" or "gelu_pytorch_tanh" => 0.5 * x * (1.0 + tanh(TanhScale * (x + 0.044715 * x.pow(3)))),
        "relu" => nn.functional.relu(x),
        _ => throw new InvalidDataException($"hidden_act '{name}' is not supported"),
    };
}
