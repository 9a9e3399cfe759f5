using Augment.Contracts.Client;

namespace Augment.Service.Batches;

/// <summary>Doorbell notices, gathered: a notice waits up to <see cref="NoticeDelay"/> for the next ones, or until
/// <see cref="MaxGatheredNotices"/> have gathered, and they go out in one write. A client that keeps up wakes once per
/// write instead of once per batch (each wake-up of a waiting reader costs both processes CPU that production needs on a
/// busy host); a batch is announced at most 1 ms later than it was written.</summary>
internal sealed partial class SharedMemoryRingWriter
{
    /// <summary>Longest a written batch waits for its notice (1 ms; tests set it).</summary>
    internal TimeSpan NoticeDelay { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>Notices that go out at once without waiting for the delay.</summary>
    internal const int MaxGatheredNotices = 8;

    private readonly List<(long Offset, long Length)> _notices = [];
    private readonly Lock _noticeLock = new();
    private Timer? _noticeTimer;
    private bool _noticesEnded;
    private IOException? _noticeError;

    /// <summary>Adds the notice of a record just written; sends the gathered notices when there are enough, else makes
    /// sure the timer sends them.</summary>
    private void Notify(long offset, long length)
    {
        lock (_noticeLock)
        {
            ObjectDisposedException.ThrowIf(_noticesEnded, this);
            ThrowNoticeError();
            _notices.Add((offset, length));
            if (_notices.Count >= MaxGatheredNotices)
            {
                SendNotices();
            }
            else if (_notices.Count == 1)
            {
                ArmTimer(NoticeDelay);
            }
        }
    }

    /// <summary>Writes the gathered notices (under <see cref="_noticeLock"/>). When the pipe is full (a system whose
    /// per-user pipe budget shrank it below 16 KiB) what is left waits for the timer's next try. True when none is left.</summary>
    private bool SendNotices()
    {
        var sent = 0;
        while (sent < _notices.Count && !_noticesEnded)
        {
            var count = Math.Min(_notices.Count - sent, SharedMemoryDoorbell.MaxNoticesPerWrite);
            if (!_doorbell!.TryRing(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_notices).Slice(sent, count)))
            {
                break;
            }
            sent += count;
        }
        _notices.RemoveRange(0, sent);
        if (_notices.Count > 0 && !_noticesEnded)
        {
            ArmTimer(PollInterval);
        }
        return _notices.Count == 0;
    }

    private void ArmTimer(TimeSpan due)
    {
        _noticeTimer ??= new Timer(_ => SendGathered());
        _noticeTimer.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Sends the gathered notices now: the timer's send, and before the writer waits for the client (who can only
    /// release batches it has been told about). A failed write is kept for the stream's next notice or its end to throw
    /// (an exception on a timer thread would end the process).</summary>
    private void SendGathered()
    {
        if (_doorbell is null)
        {
            return;
        }
        lock (_noticeLock)
        {
            try
            {
                SendNotices();
            }
            catch (IOException ex)
            {
                _noticeError ??= ex;
            }
        }
    }

    private void ThrowNoticeError()
    {
        if (_noticeError is { } error)
        {
            throw new IOException(error.Message, error);
        }
    }

    /// <summary>Sends the notices still gathered (waiting while the pipe is full), then ends the doorbell: the client reads
    /// the end of the batches once it has read every notice (the notices stay readable until <see cref="Dispose"/>, also
    /// for a client that opens the doorbell only now).</summary>
    public async Task EndBatchesAsync(CancellationToken cancellationToken)
    {
        if (_doorbell is null)
        {
            return;
        }
        while (true)
        {
            lock (_noticeLock)
            {
                ThrowNoticeError();
                if (SendNotices())
                {
                    _noticesEnded = true;
                    _noticeTimer?.Dispose();
                    _doorbell.End();
                    return;
                }
            }
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Disposal: still sends what is gathered if the pipe takes it (a stream cut by the server stopping then ends
    /// with every batch it delivered announced, as before gathering), then stops.</summary>
    private void StopNotices()
    {
        SendGathered();
        lock (_noticeLock)
        {
            _noticesEnded = true;
            _noticeTimer?.Dispose();
        }
    }
}
