namespace CivilDefense.Core.Alerts.Delivery;

/// <summary>
/// When a failed delivery is tried again: exponential backoff (base · 2^(attempt-1), capped) with
/// "equal jitter" (half fixed, half random), so thousands of deliveries failed by the same gateway
/// outage do not all come back in the same second; and dead once the attempts are used up.
/// </summary>
public sealed class RetryPolicy(int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
{
    public int MaxAttempts => maxAttempts;

    /// <summary>The state after a transient failure of attempt <paramref name="attempts"/> (1-based).</summary>
    public DeliveryState AfterTransientFailure(int attempts) => attempts >= maxAttempts ? DeliveryState.Dead : DeliveryState.Retried;

    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    /// <param name="random">A value in [0, 1).</param>
    public TimeSpan Backoff(int attempts, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(maxDelay.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds((ceiling / 2) + (ceiling / 2 * random));
    }
}
