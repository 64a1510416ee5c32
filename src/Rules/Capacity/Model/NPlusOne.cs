namespace AzLocalMonitor.Rules.Capacity.Model;

/// <summary>
/// The N+1 test of docs/capacity.md: lose the largest node (for storage, the node with the most capacity). Do the
/// nodes left hold every VM's memory and peak CPU, and every volume's data at the resiliency they can still
/// provide? A volume whose resiliency still fits on the nodes left is rebuilt to it (two-way mirror on 3 → 2
/// nodes: two copies again); one that does not keeps the copies or parity the nodes left already hold (three-way
/// mirror on 3 nodes: two copies; two-way mirror on 2: one copy, "no redundancy until repaired"). In a stretched
/// cluster every site holds a replica of every volume: storage is tested in the lost node's site, and the other
/// site's replica keeps the data redundant.
/// </summary>
public static class NPlusOne
{
    /// <summary>Evaluates N+1.</summary>
    public static NPlusOneResult Evaluate(NPlusOneInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var notes = new List<string>();
        var nodes = Math.Max(input.Memory.Count, input.Storage.Count);
        if (nodes <= 1)
        {
            notes.Add("A single-node cluster cannot survive losing its node: no high availability (restore from backup).");
            return new NPlusOneResult(Ratio(input.Memory), double.NaN, double.NaN, Redundancy.Lost, notes);
        }

        var memory = Ratio(input.Memory);
        var cpu = double.IsFinite(input.CpuUtilization) ? input.CpuUtilization * nodes / (nodes - 1) : double.NaN;
        var (needed, left, redundancy) = Storage(input, notes);
        var storage = double.IsNaN(needed) ? double.NaN : left > 0 ? needed / left : double.PositiveInfinity;
        return new NPlusOneResult(memory, storage, cpu, redundancy, notes) { StorageNeededBytes = needed, StorageLeftBytes = left };
    }

    /// <summary>Memory in use on every node / memory of every node but the largest.</summary>
    private static double Ratio(IReadOnlyList<NodeMemory> memory)
    {
        if (memory.Count == 0)
        {
            return double.NaN;
        }

        var left = memory.Sum(m => m.SizeBytes) - memory.Max(m => m.SizeBytes);
        return left > 0 ? memory.Sum(m => m.UsedBytes) / left : double.PositiveInfinity;
    }

    private static (double Needed, double Left, Redundancy Redundancy) Storage(NPlusOneInput input, List<string> notes)
    {
        if (input.Storage.Count == 0)
        {
            return (double.NaN, double.NaN, Redundancy.Full);
        }

        var lost = input.Storage.MaxBy(s => s.RawBytes)!;
        var sites = input.Storage.Select(s => s.Site).Distinct().Count();
        var site = sites > 1 ? input.Storage.Where(s => s.Site == lost.Site).ToList() : input.Storage.ToList();
        var before = site.Count;
        var after = before - 1;
        var left = site.Sum(s => s.RawBytes) - lost.RawBytes;
        var footprint = 0.0;
        var redundancy = Redundancy.Full;
        foreach (var volume in input.Volumes)
        {
            var (bytes, kept) = After(volume, before, after, input.Media, notes);
            footprint += bytes;
            redundancy = (Redundancy)Math.Max((int)redundancy, (int)kept);
        }

        if (sites > 1 && redundancy is Redundancy.None or Redundancy.Reduced)
        {
            notes.Add($"Stretched cluster: site {lost.Site} keeps less redundancy until repaired, but the other site's replica keeps the data redundant.");
            redundancy = Redundancy.Reduced;
        }

        return (footprint, left, redundancy);
    }

    /// <summary>Raw bytes <paramref name="volume"/> occupies on the nodes left, and the redundancy it keeps.</summary>
    private static (double Bytes, Redundancy Kept) After(VolumeData volume, int before, int after, MediaKind media, List<string> notes)
    {
        var now = ResiliencyTable.TryResolve(volume.Resiliency, before, media, out _);
        var footprint = volume.DataBytes / (now?.Efficiency ?? 1);
        if (now is null || now.NodeFailuresTolerated == 0)
        {
            notes.Add($"{volume.Name}: {volume.Resiliency} has no redundancy: the data on the lost node is lost.");
            return (footprint * after / before, Redundancy.Lost);
        }

        var rebuilt = ResiliencyTable.TryResolve(now.Effective, after, media, out var why);
        if (rebuilt is not null)
        {
            return (volume.DataBytes / rebuilt.Efficiency, Redundancy.Full);
        }

        // Cannot rebuild on the nodes left: they keep the share of copies or parity they already hold.
        var tolerated = now.NodeFailuresTolerated - 1;
        notes.Add(tolerated > 0
            ? $"{volume.Name}: {now.Effective} cannot be rebuilt on {after} nodes ({why}): it survives one more failure until the node returns."
            : $"{volume.Name}: {now.Effective} on {after} node{(after == 1 ? string.Empty : "s")} keeps one copy of each piece of data: no redundancy against another node failure until repaired.");
        return (footprint * after / before, tolerated > 0 ? Redundancy.Reduced : Redundancy.None);
    }
}
