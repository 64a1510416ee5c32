using System.Net;
using System.Text;
using AzLocalMonitor.Rules.Tests.Support;

namespace AzLocalMonitor.Rules.Tests.Api;

/// <summary>Hostile maintenance and silence requests get a 400 with the reason, never a 500, and Rules keeps serving.</summary>
public class MutingApiLimitsTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"name":"x","cluster":"c1","cron":"* * * * * ?","duration":"3650d"}""")]
    [InlineData("""{"name":"x","cluster":"c1","cron":"0 0 22 ? * TUE","duration":"99999999999999d"}""")]
    [InlineData("""{"name":"x","cluster":"c1","start":"2026-01-01T00:00:00Z","end":"2036-01-01T00:00:00Z"}""")]
    public async Task HostileMaintenanceWindows_Are400(string body)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.PostAsync(new Uri("/api/v1/maintenance", UriKind.Relative), Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rules.Client.GetAsync(new Uri("/api/v1/maintenance", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("99999999999999d")]
    [InlineData("30000000d")]
    public async Task HugeSilenceDurations_Are400(string duration)
    {
        await using var rules = await RunningRules.StartAsync();

        using var response = await rules.Client.PostAsync(new Uri("/api/v1/silences", UriKind.Relative),
            Json($$"""{"matchers":["cluster=\"c1\""],"duration":"{{duration}}","comment":"x"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
