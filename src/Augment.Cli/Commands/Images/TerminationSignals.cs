using System.Runtime.InteropServices;

namespace Augment.Cli.Commands.Images;

/// <summary>Turns the first SIGINT (Ctrl+C) or SIGTERM into a cancellation of <see cref="Token"/> so a long command
/// can stop cleanly; a second signal terminates the process as usual. (System.CommandLine 2.0.0 leaves
/// <c>InvocationConfiguration.ProcessTerminationTimeout</c> null by default, so without this Ctrl+C kills the
/// process at once.)</summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;

    /// <summary>Links to <paramref name="outer"/> and starts listening.</summary>
    public TerminationSignals(CancellationToken outer)
    {
        _cts = CancellationTokenSource.CreateLinkedTokenSource(outer);
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the outer token or the first termination signal.</summary>
    public CancellationToken Token => _cts.Token;

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }
        _cts.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _signals) == 1)
        {
            context.Cancel = true;
            _cts.Cancel();
        }
    }
}
