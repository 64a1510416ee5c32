using AzLocalMonitor.Collector.Export;
using AzLocalMonitor.Collector.Tests.Fakes;

namespace AzLocalMonitor.Collector.Tests.Export;

/// <summary>
/// The hand-written retry that replaced Polly's: how many attempts a round makes, when it stops early, and that each
/// wait lies in the documented band (half to all of min(MaxDelay, Delay × 2^n)), read off a fake clock.
/// </summary>
public sealed class RetryLoopTests
{
    private static readonly RetryOptions Options = new(MaxAttempts: 5, Delay: TimeSpan.FromMilliseconds(500),
        MaxDelay: TimeSpan.FromSeconds(3), AttemptTimeout: TimeSpan.FromSeconds(5), Seed: 42);

    [Fact]
    public async Task AlwaysRetry_MakesOneAttemptPlusMaxAttemptsRetries_WaitingInTheBackoffBand()
    {
        var time = new FakeTimeProvider();
        var loop = new RetryLoop(Options, time);
        var attempts = new List<DateTimeOffset>();
        var running = loop.RunAsync(_ =>
        {
            lock (attempts)
            {
                attempts.Add(time.GetUtcNow());
            }

            return ValueTask.FromResult(SendOutcome.Retry);
        }, CancellationToken.None);

        // Advance the fake clock in 10 ms steps until the loop gives up (bounded: one fake minute).
        for (var step = 0; step < 6000 && !running.IsCompleted; step++)
        {
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        Assert.Equal(SendOutcome.Retry, await running);
        Assert.Equal(Options.MaxAttempts + 1, attempts.Count);
        double[] ceilings = [0.5, 1, 2, 3, 3]; // seconds: 0.5 × 2^n, capped at MaxDelay = 3 s
        for (var n = 0; n < ceilings.Length; n++)
        {
            var waited = (attempts[n + 1] - attempts[n]).TotalSeconds;
            Assert.InRange(waited, (ceilings[n] / 2) - 0.001, ceilings[n] + 0.011); // + one 10 ms clock step
        }
    }

    [Theory]
    [InlineData((int)SendOutcome.Delivered)]
    [InlineData((int)SendOutcome.Poison)]
    public async Task AnAnswerOtherThanRetry_IsReturnedWithoutWaiting(int answerValue)
    {
        var answer = (SendOutcome)answerValue;
        var calls = 0;
        var running = new RetryLoop(Options, new FakeTimeProvider()).RunAsync(_ =>
        {
            calls++;
            return ValueTask.FromResult(answer);
        }, CancellationToken.None);

        // The fake clock never moves: a loop that waited before answering would still be running here.
        Assert.True(running.IsCompleted);
        Assert.Equal(answer, await running);
        Assert.Equal(1, calls);
    }

    [Fact]
    public void Delay_StaysWithinHalfToAllOfTheCappedExponential_ForManyRetries()
    {
        var loop = new RetryLoop(Options, new FakeTimeProvider());
        for (var n = 0; n < 64; n++)
        {
            var ceiling = Math.Min(3.0, 0.5 * Math.Pow(2, Math.Min(n, 30)));
            Assert.InRange(loop.Delay(n).TotalSeconds, ceiling / 2, ceiling);
        }
    }
}
