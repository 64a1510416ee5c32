using System.Diagnostics;

namespace AzLocalMonitor.Integration.Tests.Support;

/// <summary>Polls a condition until it holds or a deadline passes (integration tests wait on real processes).</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what, Func<string>? diagnostics = null, TimeSpan? interval = null)
        where T : class
    {
        var stopwatch = Stopwatch.StartNew();
        Exception? last = null;
        while (stopwatch.Elapsed < timeout)
        {
            try
            {
                if (await probe() is { } result)
                {
                    return result;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex;
            }

            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"Timed out after {timeout} waiting for {what}. {last?.Message}\n{diagnostics?.Invoke()}");
    }
}
