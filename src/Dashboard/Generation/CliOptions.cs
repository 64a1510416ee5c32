namespace AzLocalMonitor.Dashboard.Generation;

/// <summary>Command line of the generator: <c>[--output DIR] [--provisioning DIR] [--check] [--help]</c>.</summary>
public sealed record CliOptions(string? Output, string? Provisioning, bool Check, bool Help, string? Error)
{
    public const string Usage =
        """
        Generates the AzLocalMonitor Grafana dashboards and provisioning files.

        Usage: dotnet run --project src/Dashboard -- [--output DIR] [--provisioning DIR] [--check]

          --output DIR        Directory for the dashboard JSON files (default: <repo>/dashboards).
          --provisioning DIR  Grafana provisioning directory; writes dashboards/azlocalmonitor.yaml and
                              datasources/prometheus.yaml under it (default: <repo>/deploy/grafana/provisioning).
          --check             Write nothing; exit 1 listing files that differ from what would be generated
                              (for CI), 0 when everything is up to date.
          -h, --help          Show this help.

        <repo> is the nearest directory upwards from the current directory that holds AzLocalMonitor.sln.
        Relative DIRs are relative to the current directory. Exit codes: 0 ok, 1 check failed, 2 usage error.
        """;

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? output = null, provisioning = null;
        bool check = false, help = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--output" or "--provisioning" when i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    return new CliOptions(null, null, false, false, $"{args[i]} needs a directory");
                case "--output":
                    output = args[++i];
                    break;
                case "--provisioning":
                    provisioning = args[++i];
                    break;
                case "--check":
                    check = true;
                    break;
                case "-h" or "--help" or "-?":
                    help = true;
                    break;
                default:
                    return new CliOptions(null, null, false, false, $"unknown argument '{args[i]}'");
            }
        }

        return new CliOptions(output, provisioning, check, help, null);
    }
}
