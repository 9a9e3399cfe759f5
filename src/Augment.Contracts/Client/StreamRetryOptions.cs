namespace Augment.Contracts.Client;

/// <summary>How <c>ResumingStreams.ReadBatchesAsync</c>
/// reconnects after UNAVAILABLE (a server restart, a dropped connection): up to <see cref="Retries"/> attempts in a row,
/// waiting <see cref="InitialBackoff"/>, then twice as long each time up to <see cref="MaxBackoff"/>. The same defaults as
/// the Python client (8 attempts, 0.25 s doubling to 4 s: about 20 s of waiting).</summary>
public sealed record StreamRetryOptions
{
    /// <summary>The defaults.</summary>
    public static StreamRetryOptions Default { get; } = new();

    /// <summary>Reconnection attempts in a row before the UNAVAILABLE status is thrown (0: never reconnect).</summary>
    public int Retries { get; init; } = 8;

    /// <summary>Wait before the first reconnection attempt.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(0.25);

    /// <summary>Longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Called before each reconnection with the attempt number (1, 2, ...) and the status that ended the call
    /// (for logging and metrics).</summary>
    public Action<int, Grpc.Core.RpcException>? Reconnecting { get; init; }

    /// <summary>The wait before attempt <paramref name="failures"/> + 1.</summary>
    internal TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, InitialBackoff.Ticks * (1L << Math.Min(failures, 30))));

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count or wait.</exception>
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Retries);
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBackoff, TimeSpan.Zero);
    }
}
