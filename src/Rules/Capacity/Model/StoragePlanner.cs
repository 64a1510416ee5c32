using System.Globalization;

namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>Lays volumes on a cluster with the resiliency table and says what they take from the pool.</summary>
public static class StoragePlanner
{
    /// <summary>Footprint of every volume, totals, and whether raw − reserve holds them.</summary>
    public static StoragePlan Plan(ClusterLayout layout, IEnumerable<VolumeSpec> volumes)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(volumes);
        var notes = new List<string>();
        var footprints = new List<VolumeFootprint>();
        foreach (var volume in volumes)
        {
            var resolved = ResiliencyTable.TryResolve(volume.Resiliency, layout.Nodes, layout.Media, out var reason);
            if (resolved is null)
            {
                footprints.Add(new VolumeFootprint(volume, null, double.NaN, reason));
                notes.Add($"{volume.Name}: {reason}.");
                continue;
            }

            var footprint = volume.SizeBytes / resolved.Efficiency;
            var note = resolved.Effective != volume.Resiliency ? resolved.Note : string.Empty;
            if (note.Length > 0)
            {
                notes.Add($"{volume.Name}: {note}.");
            }

            footprints.Add(new VolumeFootprint(volume, resolved, footprint, note));
        }

        var data = footprints.Sum(f => f.Volume.SizeBytes);
        var total = footprints.Where(f => f.Resiliency is not null).Sum(f => f.FootprintBytes);
        var available = layout.RawBytes - CapacityCalculator.ReserveBytes(layout.Nodes, layout.CapacityDriveBytes);
        var fits = footprints.All(f => f.Resiliency is not null) && total <= available;
        if (!fits && total > available)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"The volumes need {Units.Tb(total)} of raw pool but raw − reserve is {Units.Tb(available)} (short by {Units.Tb(total - available)})."));
        }

        return new StoragePlan(layout, footprints, data, total, available, fits, notes);
    }
}
