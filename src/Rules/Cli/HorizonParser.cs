using System.Globalization;
using System.Text.RegularExpressions;

namespace AzLocalMonitor.Rules.Cli;

/// <summary>Parses horizons like <c>18mo</c>, <c>90d</c>, <c>12w</c>, <c>36h</c>, <c>30m</c>, <c>2y</c> (a month is 30.436875 days, a year 365.2425).</summary>
public static partial class HorizonParser
{
    /// <summary>Days per average Gregorian month.</summary>
    public const double DaysPerMonth = 30.436875;

    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            throw new CliException($"--horizon '{text}' is not a duration such as 18mo, 90d, 12w, 36h, 30m or 2y.");
        }

        var n = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var span = match.Groups[2].Value switch
        {
            "mo" => TimeSpan.FromDays(n * DaysPerMonth),
            "y" => TimeSpan.FromDays(n * 365.2425),
            "w" => TimeSpan.FromDays(n * 7),
            "d" => TimeSpan.FromDays(n),
            "h" => TimeSpan.FromHours(n),
            _ => TimeSpan.FromMinutes(n),
        };
        return span > TimeSpan.Zero ? span : throw new CliException($"--horizon '{text}' must be positive.");
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(mo|y|w|d|h|m)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
