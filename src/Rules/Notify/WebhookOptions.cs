namespace AzLocalMonitor.Rules.Notify;

/// <summary>One generic webhook destination (configuration list <c>Webhooks</c>: <c>Webhooks__0__Url=...</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>The URL alerts are posted to.</summary>
    public string? Url { get; set; }

    /// <summary>Name shown as <c>receiver</c> in the payload. Default <c>azlocalmonitor</c>.</summary>
    public string Name { get; set; } = "azlocalmonitor";
}
