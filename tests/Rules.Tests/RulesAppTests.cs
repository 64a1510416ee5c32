using Microsoft.Extensions.Options;

namespace AzLocalMonitor.Rules.Tests;

public class RulesAppTests
{
    [Fact]
    public void Build_WithBadSettings_ListsEveryBadKey_BeforeStarting()
    {
        var directory = Directory.CreateTempSubdirectory("azlm-app-").FullName;

        var ex = Assert.Throws<OptionsValidationException>(() => RulesApp.Build(
        [
            "--urls", "http://127.0.0.1:0", "--Alertmanager:Url", "notaurl", "--Series:StaleAfter", "-00:00:01",
            "--State:Path", Path.Combine(directory, "rules.db"), "--History:Path", Path.Combine(directory, "history.db"),
        ]));

        Assert.Contains(ex.Failures, f => f.Contains("Alertmanager:Url 'notaurl'", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Series:StaleAfter", StringComparison.Ordinal));
    }
}
