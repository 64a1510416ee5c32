using AzLocalMonitor.Rules;
using AzLocalMonitor.Rules.Cli;

if (args.Length > 0 && args[0] == ExportPrometheusRulesCommand.Name)
{
    return ExportPrometheusRulesCommand.Run(args[1..], Console.Out, Console.Error);
}

if (CliRunner.IsCommand(args))
{
    return await CliRunner.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
}

if (args.Any(a => a is "--help" or "-h" or "-?"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

try
{
    var app = RulesApp.Build(args);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    Console.Error.WriteLine("Invalid configuration:");
    foreach (var failure in ex.Failures)
    {
        Console.Error.WriteLine("  " + failure);
    }

    return 2;
}
catch (AzLocalMonitor.Rules.Alerting.Policy.PolicyException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
{
    Console.Error.WriteLine($"Cannot listen: {ex.Message} Use --urls http://127.0.0.1:PORT to pick another address.");
    return 3;
}
