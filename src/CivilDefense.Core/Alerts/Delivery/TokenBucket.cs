namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// A gateway's rate limit: tokens refill at <c>rate</c> per second up to <c>burst</c>. Callers
/// reserve tokens and wait until the reservation is covered; the balance may go negative, so
/// waiters are served in reservation order and the long-run rate is exact (no lost refills
/// between wake-ups), which is what keeps it within a few percent of the configured rate.
/// </summary>
public sealed class TokenBucket
{
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    public TokenBucket(double ratePerSecond, double burst, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _rate = ratePerSecond;
        _burst = burst;
        _clock = clock;
        _tokens = burst;
        _last = clock.GetTimestamp();
    }

    /// <summary>Takes <paramref name="count"/> tokens and says how long to wait before using them.</summary>
    public TimeSpan Reserve(int count)
    {
        lock (_lock)
        {
            var now = _clock.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_clock.GetElapsedTime(_last, now).TotalSeconds * _rate));
            _last = now;
            _tokens -= count;
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
    }

    public async Task TakeAsync(int count, CancellationToken ct)
    {
        var wait = Reserve(count);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _clock, ct);
        }
    }
}
