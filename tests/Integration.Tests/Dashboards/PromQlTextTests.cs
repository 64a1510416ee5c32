namespace AzLocalMonitor.Integration.Tests.Dashboards;

/// <summary>The fallback stripping the panel verification relies on to tell real data from a constant.</summary>
public sealed class PromQlTextTests
{
    [Theory]
    [InlineData("count(ALERTS{severity=\"info\"}) or vector(0)", "count(ALERTS{severity=\"info\"})")]
    [InlineData("sum by (cluster) (x{state!=\"ok\"}) or (0 * max by (cluster) (y))", "sum by (cluster) (x{state!=\"ok\"})")]
    [InlineData("max by (c) (0 * a or 1 * b) or vector(0)", "max by (c) (0 * a or 1 * b)")]
    [InlineData("(count(ALERTS{a=\"b\"}) or vector(0)) and on () (max(up{job=\"r\"}) == 1)", "(count(ALERTS{a=\"b\"})) and on () (max(up{job=\"r\"}) == 1)")]
    public void WithoutConstantFallback_StripsTheTopLevelFallback(string expr, string expected) =>
        Assert.Equal(expected, PromQlText.WithoutConstantFallback(expr));

    [Theory]
    [InlineData("max by (c) (0 * a{s=\"up\"} or 1 * b{s=\"down\"})")] // 'or' inside parentheses: a union, not a fallback
    [InlineData("a or b")] // a non-constant right-hand side is data, not a fallback
    [InlineData("x{name=\" or vector(0)\"}")] // inside a string
    [InlineData("sum(x)")]
    public void WithoutConstantFallback_IsNullWithoutOne(string expr) =>
        Assert.Null(PromQlText.WithoutConstantFallback(expr));
}
