using AzLocalMonitor.Integration.Tests.Oracle;
using AzLocalMonitor.Integration.Tests.Support;
using AzLocalMonitor.Rules.Notify;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Integration.Tests.Deploy;

/// <summary>
/// The shipped alertmanager.yml used as is fails loudly: a real Alertmanager running it makes Rules report its three
/// placeholder receivers (azlm_alertmanager_placeholder_receivers 3, and an error in the log); the same file with the
/// receivers replaced (as the tests and the demo do) has none.
/// </summary>
public sealed class PlaceholderReceiverTests
{
    [Fact]
    public async Task ShippedReceivers_AreReportedByRules_ReplacedOnesAreNot()
    {
        await using var shipped = await AlertmanagerServer.StartAsync(ShippedAlertmanagerConfig.ShippedPath);
        await using var rulesOnShipped = await RunningRules.StartAsync("--Alertmanager:Url", shipped.BaseAddress.ToString());
        await Poll.UntilAsync(
            async () => (await rulesOnShipped.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("azlm_alertmanager_placeholder_receivers 3\n", StringComparison.Ordinal) ? "reported" : null,
            TimeSpan.FromSeconds(60), "azlm_alertmanager_placeholder_receivers 3");

        // The check itself: the shipped file's three receivers, none once they are replaced (as the tests and demo do).
        await using var sink = WebhookSink.Start();
        Assert.Equal(3, AlertmanagerConfigCheck.Placeholders(await File.ReadAllTextAsync(ShippedAlertmanagerConfig.ShippedPath)).Count);
        Assert.Empty(AlertmanagerConfigCheck.Placeholders(ShippedAlertmanagerConfig.For(sink.BaseAddress).Text));
    }
}
