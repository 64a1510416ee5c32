namespace AzLocalMonitor.Collector.Tests.Fakes;

/// <summary>Where the tests' FakeTimeProvider (Microsoft.Extensions.TimeProvider.Testing) starts.</summary>
internal static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
