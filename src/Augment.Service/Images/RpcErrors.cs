using System.Text.RegularExpressions;
using Augment.Core.Data;
using Augment.Core.Pipelines;
using Grpc.Core;

namespace Augment.Service.Images;

/// <summary>Maps failures to gRPC statuses whose messages name the field and the reason.</summary>
internal static partial class RpcErrors
{
    /// <summary>Trailer holding the request field an error is about (for example "balance.class_weights[7]").</summary>
    public const string FieldTrailer = "augment-field";

    /// <summary>INVALID_ARGUMENT.</summary>
    public static RpcException Invalid(string message) => WithField(StatusCode.InvalidArgument, message);

    /// <summary>The status for a dataset failure.</summary>
    public static RpcException From(DatasetException ex) => WithField(ex.Kind switch
    {
        DatasetErrorKind.NotFound => StatusCode.NotFound,
        DatasetErrorKind.PathRefused => StatusCode.PermissionDenied,
        DatasetErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        _ => StatusCode.FailedPrecondition,
    }, ex.Message);

    /// <summary>A status whose message starts with a request field path ("shard: ..."); the path also goes into the
    /// <see cref="FieldTrailer"/> trailer so that clients can show it without parsing.</summary>
    public static RpcException WithField(StatusCode code, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var trailers = new Metadata();
        var match = FieldPrefix().Match(message);
        if (match.Success)
        {
            trailers.Add(FieldTrailer, match.Groups[1].Value);
        }
        return new RpcException(new Status(code, message), trailers);
    }

    [GeneratedRegex(@"^([a-z_][a-z0-9_]*(?:\[-?[0-9]+\])?(?:\.[a-z_][a-z0-9_]*(?:\[-?[0-9]+\])?)*(?:, [a-z_][a-z0-9_.]*)*): ")]
    private static partial Regex FieldPrefix();

    /// <summary>INVALID_ARGUMENT listing every spec error with its path under <paramref name="field"/>.</summary>
    public static RpcException From(SpecException ex, string field)
    {
        var errors = ex.Errors.Count == 0
            ? ex.Message
            : string.Join("; ", ex.Errors.Select(e => $"{field}.{e.Path}: {e.Message}"));
        var trailers = new Metadata();
        if (ex.Errors.Count > 0)
        {
            trailers.Add(FieldTrailer, $"{field}.{ex.Errors[0].Path}");
        }
        return new RpcException(new Status(StatusCode.InvalidArgument, $"invalid pipeline: {errors}"), trailers);
    }

    /// <summary>Runs <paramref name="action"/>, turning dataset, spec and argument errors into statuses.</summary>
    public static T Guard<T>(Func<T> action, string specField = "pipeline")
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return action();
        }
        catch (DatasetException ex)
        {
            throw From(ex);
        }
        catch (SpecException ex)
        {
            throw From(ex, specField);
        }
        catch (ArgumentException ex)
        {
            throw Invalid(ex.Message);
        }
    }
}
