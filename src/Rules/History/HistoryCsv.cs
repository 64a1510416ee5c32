using System.Globalization;

namespace AzLocalMonitor.Rules.History;

/// <summary>
/// Backfill: reads <c>cluster,series,timestamp,value</c> rows (ISO 8601 or Unix-seconds timestamps, header
/// optional, <c>#</c> comments) into the store and rolls them up. Bad rows fail with file and line.
/// </summary>
public static class HistoryCsv
{
    /// <summary>Loads <paramref name="path"/>; returns the number of points loaded.</summary>
    public static async Task<int> BackfillAsync(IHistoryStore store, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var batch = new List<HistorySample>(10_000);
        var total = 0;
        var earliest = long.MaxValue;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var fields = text.Split(',');
            if (fields.Length != 4)
            {
                throw new FormatException($"{path}:{lineNumber}: expected 4 fields cluster,series,timestamp,value (got {fields.Length}).");
            }

            if (lineNumber == 1 && !double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                continue; // header
            }

            var ts = ParseTimestamp(fields[2].Trim()) ?? throw new FormatException($"{path}:{lineNumber}: '{fields[2]}' is not an ISO 8601 timestamp.");
            if (!double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new FormatException($"{path}:{lineNumber}: '{fields[3]}' is not a number.");
            }

            earliest = Math.Min(earliest, ts);
            batch.Add(new HistorySample(fields[0].Trim(), fields[1].Trim(), ts, value));
            if (batch.Count == batch.Capacity)
            {
                await store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
                total += batch.Count;
                batch.Clear();
            }
        }

        await store.AppendAsync(batch, cancellationToken).ConfigureAwait(false);
        total += batch.Count;
        if (total > 0)
        {
            await store.RollUpAsync(earliest, cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    /// <summary>An ISO 8601 timestamp (no zone = UTC) or Unix seconds, as Unix ms; null for anything else, including
    /// Unix seconds outside the years 0001..9999 that <see cref="DateTimeOffset"/> can hold.</summary>
    public static long? ParseTimestamp(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dto))
        {
            return dto.ToUnixTimeMilliseconds();
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= DateTimeOffset.MinValue.ToUnixTimeSeconds() && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? (long)(seconds * 1000)
            : null;
    }
}
