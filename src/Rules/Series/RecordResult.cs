namespace AzLocalMonitor.Rules.Series;

/// <summary>What recording a point did to a series, as the rules see it.</summary>
public enum RecordResult
{
    /// <summary>Older than the latest point: ignored.</summary>
    Rejected,

    /// <summary>Stored; the value the rules read is the same as before.</summary>
    Unchanged,

    /// <summary>Stored; a new series, a new value, or a series back from staleness: rules reading it must run.</summary>
    Changed,
}
