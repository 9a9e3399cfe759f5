using Augment.Core.Data;
using Augment.Core.Pipelines;
using Grpc.Core;

namespace Augment.Service.Images;

/// <summary>Maps failures to gRPC statuses whose messages name the field and the reason.</summary>
internal static class RpcErrors
{
    /// <summary>INVALID_ARGUMENT.</summary>
    public static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    /// <summary>The status for a dataset failure.</summary>
    public static RpcException From(DatasetException ex) => new(new Status(ex.Kind switch
    {
        DatasetErrorKind.NotFound => StatusCode.NotFound,
        DatasetErrorKind.PathRefused => StatusCode.PermissionDenied,
        DatasetErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        _ => StatusCode.FailedPrecondition,
    }, ex.Message));

    /// <summary>INVALID_ARGUMENT listing every spec error with its path under <paramref name="field"/>.</summary>
    public static RpcException From(SpecException ex, string field)
    {
        var errors = ex.Errors.Count == 0
            ? ex.Message
            : string.Join("; ", ex.Errors.Select(e => $"{field}.{e.Path}: {e.Message}"));
        var trailers = new Metadata();
        if (ex.Errors.Count > 0)
        {
            trailers.Add("augment-field", $"{field}.{ex.Errors[0].Path}");
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
