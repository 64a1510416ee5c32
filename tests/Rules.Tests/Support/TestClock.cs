namespace AzLocalMonitor.Rules.Tests.Support;

/// <summary>Where the tests' FakeTimeProvider (Microsoft.Extensions.TimeProvider.Testing) starts: a Sunday morning, UTC.</summary>
public static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
}
