using AzLocalMonitor.Dashboard.Generation;

namespace AzLocalMonitor.Dashboard.Tests.Generation;

public class CliOptionsTests
{
    [Fact]
    public void Parse_NoArguments_UsesDefaults()
    {
        Assert.Equal(new CliOptions(null, null, false, false, null), CliOptions.Parse([]));
    }

    [Fact]
    public void Parse_AllOptions()
    {
        Assert.Equal(new CliOptions("out", "prov", true, false, null), CliOptions.Parse(["--output", "out", "--check", "--provisioning", "prov"]));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Parse_Help(string arg)
    {
        Assert.True(CliOptions.Parse([arg]).Help);
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--output", "--check")]
    [InlineData("--frobnicate")]
    public void Parse_Invalid_ReportsError(params string[] args)
    {
        Assert.NotNull(CliOptions.Parse(args).Error);
    }
}
