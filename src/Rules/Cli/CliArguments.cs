namespace AzLocalMonitor.Rules.Cli;

/// <summary>Options of a subcommand: <c>--name value</c>, <c>--name=value</c> and flags; unknown options are errors.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    /// <summary>True when -h/--help was given.</summary>
    public bool Help { get; private set; }

    /// <summary>Parses <paramref name="args"/> (after the subcommand) against the options that take a value and the flags.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(valued);
        ArgumentNullException.ThrowIfNull(flags);
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                result.Help = true;
                continue;
            }

            var name = arg;
            string? value = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }

            if (flags.Contains(name))
            {
                result._values[name] = "true";
            }
            else if (valued.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count)
                    {
                        throw new CliException($"{name} needs a value.");
                    }

                    value = args[++i];
                }

                result._values[name] = value;
            }
            else
            {
                throw new CliException($"Unknown option '{arg}'. Use --help to list the options.");
            }
        }

        return result;
    }

    /// <summary>The value of an option, or <paramref name="fallback"/>.</summary>
    public string? Get(string name, string? fallback = null) => _values.TryGetValue(name, out var v) ? v : fallback;

    /// <summary>The value of a required option.</summary>
    public string Require(string name) => Get(name) ?? throw new CliException($"{name} is required. Use --help for usage.");

    /// <summary>True when a flag was given.</summary>
    public bool Flag(string name) => _values.ContainsKey(name);
}
