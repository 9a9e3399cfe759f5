using Augment.Contracts.V1;
using Augment.Core.Randomness;
using Augment.Core.Text.Eda;
using Augment.Core.Text.Lexicons;
using Augment.Service.Text.Cbert;
using Augment.Torch.Text.CondBert;
using Grpc.Core;

namespace Augment.Service.Text;

/// <summary>The AugmentText RPC: EDA over the embedded WordNet lexicon, or conditional BERT with a configured model.
/// Invalid requests fail with InvalidArgument and a message naming the field (for example "texts[3]: empty text").</summary>
internal sealed class TextGrpcService(CbertModelRegistry cbertModels) : TextService.TextServiceBase
{
    /// <inheritdoc />
    public override Task<AugmentTextResponse> AugmentText(AugmentTextRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (request.MethodCase == AugmentTextRequest.MethodOneofCase.Cbert)
        {
            return AugmentCbertAsync(request, context.CancellationToken);
        }

        EdaAugmenter augmenter;
        try
        {
            augmenter = Compile(request);
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        var response = new AugmentTextResponse();
        var hasLabels = request.Labels.Count > 0;
        for (var i = 0; i < request.Texts.Count; i++)
        {
            if ((i & 255) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }
            foreach (var output in augmenter.Augment(request.Texts[i], new SampleKey(request.Seed, 0, request.FirstIndex + i)))
            {
                response.Texts.Add(output.Text);
                response.SourceIndex.Add(i);
                response.IsOriginal.Add(output.Operation == EdaOperation.Original);
                if (hasLabels)
                {
                    response.Labels.Add(request.Labels[i]);
                }
            }
        }
        return Task.FromResult(response);
    }

    private async Task<AugmentTextResponse> AugmentCbertAsync(AugmentTextRequest request, CancellationToken cancellationToken)
    {
        Torch.Text.CondBert.Augmentation.CbertAugmentOptions options;
        try
        {
            options = CbertSpecMapping.ToOptions(request.Cbert, request.Seed, request.FirstIndex);
            ValidateTexts(request);
            if (request.Labels.Count == 0)
            {
                throw new ArgumentException("labels: cbert conditions every variant on its text's label; give one label per text");
            }
            var perText = (long)options.NumAug + (CbertSpecMapping.KeepOriginal(request.Cbert) ? 1 : 0);
            if (perText * request.Texts.Count > TextServiceLimits.MaxOutputs)
            {
                throw new ArgumentException($"cbert.num_aug: {request.Texts.Count} texts x {perText} outputs exceeds {TextServiceLimits.MaxOutputs} per response; send fewer texts per request");
            }
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }

        var model = cbertModels.Get(request.Cbert.Model, "cbert.model");
        for (var i = 0; i < request.Labels.Count; i++)
        {
            if (!model.Labels.Contains(request.Labels[i], StringComparer.Ordinal))
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument,
                    $"labels[{i}]: '{request.Labels[i]}' is not one of model '{request.Cbert.Model}''s labels ({string.Join(", ", model.Labels)})"));
            }
        }

        var inputs = request.Texts.Select((t, i) => new LabeledText(t, request.Labels[i])).ToList();
        var keys = Enumerable.Range(0, inputs.Count).Select(i => request.FirstIndex + i).ToArray();
        var generated = await model.AugmentAsync(inputs, keys, options, cancellationToken).ConfigureAwait(false);
        var keepOriginal = CbertSpecMapping.KeepOriginal(request.Cbert);
        var response = new AugmentTextResponse();
        var k = 0;
        for (var i = 0; i < inputs.Count; i++)
        {
            for (; k < generated.Count && generated[k].SourceIndex == i; k++)
            {
                Add(generated[k].Text, i, false);
            }
            if (keepOriginal)
            {
                Add(inputs[i].Text, i, true);
            }
        }
        return response;

        void Add(string text, int source, bool original)
        {
            response.Texts.Add(text);
            response.Labels.Add(request.Labels[source]);
            response.SourceIndex.Add(source);
            response.IsOriginal.Add(original);
        }
    }

    private static EdaAugmenter Compile(AugmentTextRequest request)
    {
        if (request.MethodCase != AugmentTextRequest.MethodOneofCase.Eda)
        {
            throw new ArgumentException("method: not set (expected eda or cbert)");
        }
        var options = EdaSpecMapping.ToOptions(request.Eda);
        ValidateTexts(request);
        var perText = (long)Math.Ceiling(options.NumAug) + (options.KeepOriginal ? 1 : 0);
        if (perText * request.Texts.Count > TextServiceLimits.MaxOutputs)
        {
            throw new ArgumentException($"eda.num_aug: {request.Texts.Count} texts x {perText} outputs exceeds {TextServiceLimits.MaxOutputs} per response; send fewer texts per request");
        }
        return new EdaAugmenter(options, SynonymLexicon.EmbeddedWordNet());
    }

    private static void ValidateTexts(AugmentTextRequest request)
    {
        if (request.Texts.Count == 0)
        {
            throw new ArgumentException("texts: empty request");
        }
        if (request.Texts.Count > TextServiceLimits.MaxTexts)
        {
            throw new ArgumentException($"texts: {request.Texts.Count} texts, at most {TextServiceLimits.MaxTexts} per request");
        }
        if (request.Labels.Count != 0 && request.Labels.Count != request.Texts.Count)
        {
            throw new ArgumentException($"labels: {request.Labels.Count} labels for {request.Texts.Count} texts (give one per text or none)");
        }
        if (request.FirstIndex < 0)
        {
            throw new ArgumentException($"first_index: must be >= 0, got {request.FirstIndex}");
        }
        for (var i = 0; i < request.Texts.Count; i++)
        {
            var text = request.Texts[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new ArgumentException($"texts[{i}]: empty text");
            }
            if (text.Length > TextServiceLimits.MaxTextLength)
            {
                throw new ArgumentException($"texts[{i}]: {text.Length} characters, at most {TextServiceLimits.MaxTextLength}");
            }
        }
    }
}
