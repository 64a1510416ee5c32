using System.Globalization;
using System.Text;

namespace AzLocalMonitor.Integration.Tests.Oracle;

/// <summary>
/// A cluster's memory history for Rules' backfill (<c>History:BackfillCsv</c>, rows <c>cluster,series,timestamp,value</c>):
/// used memory growing linearly from <see cref="FromRatio"/> to <see cref="ToRatio"/> of a fixed size over
/// <see cref="Days"/> days up to now, every 6 hours, with a small weekly swing. Rules forecasts it at start.
/// </summary>
public sealed record MemoryHistory(int Days, double FromRatio, double ToRatio, long SizeBytes)
{
    /// <summary>When the straight line reaches <paramref name="policy"/> (the oracle's expected crossing), from now.</summary>
    public TimeSpan CrossesIn(double policy) => TimeSpan.FromDays((policy - ToRatio) / ((ToRatio - FromRatio) / Days));

    public string Csv(string cluster, DateTimeOffset now)
    {
        var sb = new StringBuilder("cluster,series,timestamp,value\n");
        for (var hours = -Days * 24; hours <= 0; hours += 6)
        {
            var at = now.AddHours(hours);
            var progress = (hours + (Days * 24.0)) / (Days * 24.0);
            var ratio = FromRatio + ((ToRatio - FromRatio) * progress) + (0.005 * Math.Sin(2 * Math.PI * hours / (7 * 24.0)));
            var stamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            sb.Append(CultureInfo.InvariantCulture, $"{cluster},memory_used_bytes,{stamp},{Math.Round(ratio * SizeBytes)}\n");
            sb.Append(CultureInfo.InvariantCulture, $"{cluster},memory_size_bytes,{stamp},{SizeBytes}\n");
        }

        return sb.ToString();
    }
}
