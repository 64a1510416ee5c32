namespace AzLocalMonitor.Collector.Sources.Simulated.Model;

/// <summary>
/// Where the cluster's VMs run: spread evenly over the nodes that host (up members), each taking no more than its
/// memory holds; a draining node keeps the VMs not yet migrated. VMs that fit nowhere do not run (after a failure,
/// that is the memory pressure N+1 planning is about). O(nodes) per call, writes into a caller's buffer.
/// </summary>
internal static class VmPlacement
{
    /// <param name="total">VMs that should run.</param>
    /// <param name="capacity">VMs each node's memory holds.</param>
    /// <param name="hosts">Whether each node takes VMs (up and a member).</param>
    /// <param name="kept">VMs a draining node still has (0 for others).</param>
    /// <param name="placed">Output: VMs per node.</param>
    /// <returns>VMs that could not be placed.</returns>
    public static int Place(int total, ReadOnlySpan<int> capacity, ReadOnlySpan<bool> hosts, ReadOnlySpan<int> kept, Span<int> placed)
    {
        var remaining = total;
        var open = 0;
        for (var i = 0; i < placed.Length; i++)
        {
            placed[i] = Math.Min(Math.Min(kept[i], capacity[i]), remaining);
            remaining -= placed[i];
            if (hosts[i] && placed[i] < capacity[i])
            {
                open++;
            }
        }

        // Each round gives every open host an equal share; a host that fills up drops out. At most one round per node.
        while (remaining > 0 && open > 0)
        {
            var share = Math.Max(1, remaining / open);
            var extra = remaining >= open ? remaining % open : 0;
            var nowOpen = 0;
            for (var i = 0; i < placed.Length && remaining > 0; i++)
            {
                if (!hosts[i] || placed[i] >= capacity[i])
                {
                    continue;
                }

                var want = share + (extra > 0 ? 1 : 0);
                extra = Math.Max(0, extra - 1);
                var take = Math.Min(Math.Min(want, capacity[i] - placed[i]), remaining);
                placed[i] += take;
                remaining -= take;
                if (placed[i] < capacity[i])
                {
                    nowOpen++;
                }
            }

            open = remaining > 0 ? nowOpen : 0;
        }

        return remaining;
    }
}
