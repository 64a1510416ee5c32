using AzLocalMonitor.Rules.Alerting;
using AzLocalMonitor.Rules.Ingest;
using Microsoft.AspNetCore.Http;

namespace AzLocalMonitor.Rules.Tests.Ingest;

/// <summary>The agent's backlog headers, as Rules reads them (the agent's side: Collector.Tests/Export/BacklogHeaderTests).</summary>
public class ReplayHeaderTests
{
    private static readonly TimeSpan ReplayAfter = TimeSpan.FromSeconds(10);

    private static ReplayMark Read(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return OtlpEndpoint.Replay(dictionary, ReplayAfter);
    }

    [Fact]
    public void NoHeaders_IsLive() => Assert.Equal(ReplayMark.None, Read());

    [Fact]
    public void OldBatchWithMoreBehind_FromANamedAgent()
    {
        var mark = Read(("AzLocalMonitor-Batch-Age", "10"), ("AzLocalMonitor-Backlog", "4"), ("AzLocalMonitor-Agent", "node-2"));
        Assert.Equal(new ReplayMark("node-2", Old: true, Backlog: 4), mark);
        Assert.True(mark.MoreToCome);
        Assert.False(mark.CaughtUp);
    }

    [Fact]
    public void YoungBatchWithNothingBehind_IsCaughtUp()
    {
        var mark = Read(("AzLocalMonitor-Batch-Age", "9"), ("AzLocalMonitor-Backlog", "0"), ("AzLocalMonitor-Agent", "node-2"));
        Assert.True(mark.CaughtUp);
        Assert.False(mark.Old);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("")]
    public void GarbageCounts_AreIgnored(string value)
    {
        Assert.Equal(ReplayMark.None, Read(("AzLocalMonitor-Batch-Age", value), ("AzLocalMonitor-Backlog", value)));
    }

    [Fact]
    public void OlderAgent_AgeOnly_StillMarksAReplay()
    {
        Assert.Equal(new ReplayMark(null, Old: true, Backlog: null), Read(("AzLocalMonitor-Batch-Age", "3600")));
    }
}
