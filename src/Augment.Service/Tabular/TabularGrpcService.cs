using Augment.Contracts.V1;
using Augment.Core.Tabular;
using Grpc.Core;

namespace Augment.Service.Tabular;

/// <summary>The unary <c>Resample</c> RPC: tensors in, resampled tensors out. Bad input is
/// <see cref="StatusCode.InvalidArgument"/> with the offending field in the message; an output above
/// <see cref="MaxOutputValues"/> values is <see cref="StatusCode.ResourceExhausted"/>.</summary>
internal sealed class TabularGrpcService : TabularService.TabularServiceBase
{
    /// <summary>Largest output accepted (feature values): 32 Mi values, 256 MiB as float64.</summary>
    public const long MaxOutputValues = 32L << 20;

    public override Task<ResampleResponse> Resample(ResampleRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var ct = context.CancellationToken;
        return Task.Run(() =>
        {
            try
            {
                var options = TabularSamplerMapper.ToOptions(request.Sampler);
                var categorical = request.Sampler?.CategoricalColumns.ToArray() ?? [];
                var data = TabularTensorCodec.Decode(request.Features, request.Labels, categorical);
                var plan = TabularResampler.Plan(data, options, ct);
                var rows = plan.KeptRows.Count + plan.SyntheticCount;
                if (rows * data.FeatureCount > MaxOutputValues)
                {
                    throw new RpcException(new Status(StatusCode.ResourceExhausted,
                        $"the resampled table would hold {rows} x {data.FeatureCount} values; the limit is {MaxOutputValues}"));
                }
                var result = plan.Materialize(options.MaxDegreeOfParallelism, ct);
                return TabularTensorCodec.Encode(data, result, request.Features.Dtype, request.Labels.Dtype);
            }
            catch (TabularException e)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
            }
        }, ct);
    }
}
