namespace AzLocalMonitor.Collector.Export;

/// <summary>
/// Runs one send and retries it while it answers <see cref="SendOutcome.Retry"/>: at most
/// <see cref="RetryOptions.MaxAttempts"/> retries, the n-th after min(MaxDelay, Delay × 2^n) with "equal jitter"
/// (half of that fixed, half random), so a fleet that lost Rules at the same moment does not retry in step.
/// Written by hand rather than with Polly: Polly validates its options through DataAnnotations reflection, which the
/// Native AOT agent cannot carry warning-free (docs/agent-footprint.md), and this is all of it the agent used.
/// </summary>
internal sealed class RetryLoop(RetryOptions options, TimeProvider time)
{
    // Only the one sending task of a destination calls RunAsync, so the generator is never used concurrently.
    private readonly Random _random = new(options.Seed);

    /// <summary>The outcome of the last attempt; throws <see cref="OperationCanceledException"/> when cancelled while waiting.</summary>
    public async Task<SendOutcome> RunAsync(Func<CancellationToken, ValueTask<SendOutcome>> send, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            var outcome = await send(cancellationToken).ConfigureAwait(false);
            if (outcome != SendOutcome.Retry || retry >= options.MaxAttempts)
            {
                return outcome;
            }

            await Task.Delay(Delay(retry), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (0-based).</summary>
    internal TimeSpan Delay(int retry)
    {
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.Delay.Ticks * (1L << Math.Min(retry, 30)));
        return TimeSpan.FromTicks((ceiling / 2) + (long)(_random.NextDouble() * (ceiling / 2)));
    }
}
