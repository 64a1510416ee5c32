using System.Buffers.Binary;
using System.Globalization;
using System.Text.Unicode;
using AzLocalMonitor.Telemetry;
using static AzLocalMonitor.Rules.Ingest.WireReader;

namespace AzLocalMonitor.Rules.Ingest;

/// <summary>
/// The fast path of protobuf ingest: maps an <c>ExportMetricsServiceRequest</c> straight from its bytes, with no
/// message objects and pooled attribute strings, through the same <see cref="OtlpMapper.AddPoint"/> as the
/// message path. It handles what agents send; anything unusual (malformed bytes, invalid UTF-8, array, map or
/// bytes attribute values, a data oneof set twice) makes it return false, and the caller takes the message path,
/// which decides and reports exactly as before.
/// </summary>
internal static class OtlpProtobufReader
{
    /// <summary>Maps <paramref name="body"/> within the default limits; false when the message path must handle it instead.</summary>
    public static bool TryMap(ReadOnlySpan<byte> body, long nowMs, out MappingResult result) => TryMap(body, nowMs, IngestLimits.Default, out result);

    /// <summary>Maps <paramref name="body"/>; false when the message path must handle it instead.</summary>
    public static bool TryMap(ReadOnlySpan<byte> body, long nowMs, IngestLimits limits, out MappingResult result) => TryMap(body, nowMs, limits, null, out result);

    /// <summary>
    /// Maps <paramref name="body"/>, points whose attribute bytes <paramref name="known"/> remembers without decoding
    /// them (and remembering those it maps anew); false when the message path must handle it instead.
    /// </summary>
    public static bool TryMap(ReadOnlySpan<byte> body, long nowMs, IngestLimits limits, RawSeriesCache? known, out MappingResult result)
    {
        // An agent's point takes ~70 bytes on the wire (attributes, time, value and their framing): the estimate
        // errs high, so the list is allocated once rather than grown six times for a hundred points (capped below
        // the large object heap's 85,000 bytes: 1,024 samples of 48 bytes).
        result = new MappingResult { ExpectedPoints = Math.Min(body.Length / 48, 1024) };
        var context = new Context(result, nowMs, limits, known);
        var reader = new WireReader(body);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var resourceMetrics) || !TryResourceMetrics(resourceMetrics, context))
                {
                    return false;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryResourceMetrics(ReadOnlySpan<byte> message, Context context)
    {
        // The resource may follow the scope metrics on the wire: read it first.
        string? cluster = null;
        string? host = null;
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var resource) || !TryResource(resource, ref cluster, ref host))
                {
                    return false;
                }
            }
            else if (!TrySkipKnown(ref reader, field, wire, stringFields: [3], messageFields: []))
            {
                return false;
            }
        }

        // A resource whose host is over the limit has every point refused: the mapping says so, point by point.
        context.Shelf = context.Known is { } known && !string.IsNullOrEmpty(cluster) && !OtlpMapper.HostTooLong(host, context.Limits)
            ? known.For(cluster)
            : null;
        if (context.Shelf is { } shelf)
        {
            shelf.Gate.Enter();
        }

        try
        {
            reader = new WireReader(message);
            while (!reader.AtEnd)
            {
                reader.TryReadTag(out var field, out var wire);
                if (field == 2 && wire == LengthDelimited)
                {
                    reader.TryReadLengthDelimited(out var scope);
                    if (!TryScopeMetrics(scope, context, cluster, host))
                    {
                        return false;
                    }
                }
                else
                {
                    reader.TrySkip(wire);
                }
            }

            return true;
        }
        finally
        {
            context.Shelf?.Gate.Exit();
            context.Shelf = null;
        }
    }

    /// <summary>The first <c>azlocal.cluster</c> and <c>host.name</c> attributes (as the message path finds them).</summary>
    private static bool TryResource(ReadOnlySpan<byte> message, ref string? cluster, ref string? host)
    {
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var keyValue) || !TryKeyValue(keyValue, out var key, out var text))
                {
                    return false;
                }

                if (key == ResourceAttributes.Cluster)
                {
                    cluster ??= text;
                }
                else if (key == ResourceAttributes.HostName)
                {
                    host ??= text;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryScopeMetrics(ReadOnlySpan<byte> message, Context context, string? cluster, string? host)
    {
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 2 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var metric) || !TryMetric(metric, context, cluster, host))
                {
                    return false;
                }
            }
            else if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var scope) || !IsPlainScope(scope))
                {
                    return false;
                }
            }
            else if (!TrySkipKnown(ref reader, field, wire, stringFields: [3], messageFields: []))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryMetric(ReadOnlySpan<byte> message, Context context, string? cluster, string? host)
    {
        // Name, unit and which data oneof is set may come in any order: find them first.
        ReadOnlySpan<byte> name = default;
        ReadOnlySpan<byte> unit = default;
        ReadOnlySpan<byte> data = default;
        var dataField = 0;
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (wire == LengthDelimited && field is 1 or 3 or 5 or 7 or 9 or 10 or 11)
            {
                if (!reader.TryReadLengthDelimited(out var value))
                {
                    return false;
                }

                switch (field)
                {
                    case 1:
                        name = value;
                        break;
                    case 3:
                        unit = value;
                        break;
                    default:
                        if (dataField != 0)
                        {
                            return false; // the data oneof set twice: merge semantics are the message path's business
                        }

                        dataField = field;
                        data = value;
                        break;
                }
            }
            else if (!TrySkipKnown(ref reader, field, wire, stringFields: [2], messageFields: [12]))
            {
                return false;
            }
        }

        if (!MetricNames.TryGet(name, unit, out var metric))
        {
            if (!Utf8.IsValid(name) || !Utf8.IsValid(unit))
            {
                return false;
            }

            metric = MetricNames.Add(name, unit);
        }

        switch (dataField)
        {
            case 5:
                return TryPoints(data, context, metric, isSum: false, cluster, host);
            case 7:
                return TryPoints(data, context, metric, isSum: true, cluster, host);
            case 9 or 10 or 11:
                return false; // histograms and summaries: the message path validates and counts them

            default:
                return true;
        }
    }

    private static bool TryPoints(ReadOnlySpan<byte> message, Context context, MetricNames.Described metric, bool isSum, string? cluster, string? host)
    {
        var monotonic = false;
        if (isSum)
        {
            var scan = new WireReader(message);
            while (!scan.AtEnd)
            {
                if (!scan.TryReadTag(out var field, out var wire))
                {
                    return false;
                }

                if (field == 3 && wire == Varint)
                {
                    if (!scan.TryReadVarint(out var flag))
                    {
                        return false;
                    }

                    monotonic = flag != 0;
                }
                else if (!scan.TrySkip(wire))
                {
                    return false;
                }
            }
        }

        var info = metric.Get(monotonic);
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var point) || !TryPoint(point, context, info, cluster, host))
                {
                    return false;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryPoint(ReadOnlySpan<byte> message, Context context, MetricInfo info, string? cluster, string? host)
    {
        ulong time = 0;
        uint flags = 0;
        var hasValue = false;
        double value = 0;
        // The attributes (field 7) as one run of bytes, when nothing else comes between them (as agents write them).
        var attributesStart = -1;
        var attributesEnd = -1;
        var contiguous = true;
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            var at = reader.Position;
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            switch (field, wire)
            {
                case (7, LengthDelimited):
                    if (!reader.TryReadLengthDelimited(out _))
                    {
                        return false;
                    }

                    contiguous &= attributesEnd < 0 || attributesEnd == at;
                    attributesStart = attributesStart < 0 ? at : attributesStart;
                    attributesEnd = reader.Position;
                    break;
                case (3, Fixed64):
                    if (!reader.TryReadFixed64(out time))
                    {
                        return false;
                    }

                    break;
                case (4, Fixed64):
                    if (!reader.TryReadFixed64(out var bits))
                    {
                        return false;
                    }

                    value = BitConverter.UInt64BitsToDouble(bits);
                    hasValue = true;
                    break;
                case (6, Fixed64):
                    if (!reader.TryReadFixed64(out var integer))
                    {
                        return false;
                    }

                    value = (long)integer;
                    hasValue = true;
                    break;
                case (5, LengthDelimited):
                    return false; // exemplars: the message path validates them
                case (8, Varint):
                    if (!reader.TryReadVarint(out var rawFlags))
                    {
                        return false;
                    }

                    flags = (uint)rawFlags;
                    break;
                default:
                    if (!reader.TrySkip(wire))
                    {
                        return false;
                    }

                    break;
            }
        }

        var attributes = attributesStart < 0 ? ReadOnlySpan<byte>.Empty : message[attributesStart..attributesEnd];
        var shelf = contiguous ? context.Shelf : null;
        if (shelf is not null && shelf.TryGet(attributes, info, host, out var known))
        {
            // Mapped before from these very bytes: valid, within the attribute limits, and mapping to this identity.
            // What remains is what AddPoint checks that does not depend on them, in its order: value, then time.
            if (OtlpMapper.HasNoValue(hasValue, flags))
            {
                context.Result.Reject(Diagnostics.RejectReason.NoValue);
            }
            else if (OtlpMapper.RefuseTime(time, context.NowMs, context.Limits) is { } refused)
            {
                context.Result.Reject(refused);
            }
            else
            {
                OtlpMapper.Add(info, known.Identity, value, time, context.NowMs, context.Result);
            }

            return true;
        }

        context.Attributes.Clear();
        reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            reader.TryReadTag(out var field, out var wire);
            if (field == 7 && wire == LengthDelimited)
            {
                reader.TryReadLengthDelimited(out var keyValue);
                if (!TryKeyValue(keyValue, out var key, out var text))
                {
                    return false;
                }

                context.Attributes.Add(new(key, text));
            }
            else
            {
                reader.TrySkip(wire);
            }
        }

        var identity = OtlpMapper.AddPoint(info, cluster, host, context.Attributes, hasValue, flags, value, time, context.NowMs, context.Limits, context.Labels, context.Result);
        if (shelf is not null && identity is { } mapped)
        {
            shelf.Add(attributes, info, host, mapped);
        }

        return true;
    }

    /// <summary>A key/value attribute, its value rendered as the message path's label text would be.</summary>
    private static bool TryKeyValue(ReadOnlySpan<byte> message, out string key, out string text)
    {
        key = string.Empty;
        text = string.Empty;
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 1 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var bytes) || !Utf8.IsValid(bytes))
                {
                    return false;
                }

                key = StringPool.Get(bytes);
            }
            else if (field == 2 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var any) || !TryAnyValue(any, out text))
                {
                    return false;
                }
            }
            else if (!reader.TrySkip(wire))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAnyValue(ReadOnlySpan<byte> message, out string text)
    {
        text = string.Empty;
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            switch (field, wire)
            {
                case (1, LengthDelimited):
                    if (!reader.TryReadLengthDelimited(out var bytes) || !Utf8.IsValid(bytes))
                    {
                        return false;
                    }

                    text = StringPool.Get(bytes);
                    break;
                case (2, Varint):
                    if (!reader.TryReadVarint(out var flag))
                    {
                        return false;
                    }

                    text = flag != 0 ? "true" : "false";
                    break;
                case (3, Varint):
                    if (!reader.TryReadVarint(out var integer))
                    {
                        return false;
                    }

                    text = ((long)integer).ToString(CultureInfo.InvariantCulture);
                    break;
                case (4, Fixed64):
                    if (!reader.TryReadFixed64(out var bits))
                    {
                        return false;
                    }

                    text = BitConverter.UInt64BitsToDouble(bits).ToString("R", CultureInfo.InvariantCulture);
                    break;
                case (5 or 6 or 7, _):
                    return false; // arrays, maps and bytes: the message path renders those
                default:
                    if (!reader.TrySkip(wire))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// Skips a field the mapping does not use, validating it as the message path would where it is a known string
    /// (UTF-8) or declining where it is a known message (false: the message path decides).
    /// </summary>
    private static bool TrySkipKnown(ref WireReader reader, int field, int wire, int[] stringFields, int[] messageFields)
    {
        if (wire == LengthDelimited && (stringFields.Contains(field) || messageFields.Contains(field)))
        {
            return reader.TryReadLengthDelimited(out var value) && !messageFields.Contains(field) && Utf8.IsValid(value);
        }

        return reader.TrySkip(wire);
    }

    /// <summary>An instrumentation scope with a valid name, version and plain attributes.</summary>
    private static bool IsPlainScope(ReadOnlySpan<byte> message)
    {
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            if (!reader.TryReadTag(out var field, out var wire))
            {
                return false;
            }

            if (field == 3 && wire == LengthDelimited)
            {
                if (!reader.TryReadLengthDelimited(out var keyValue) || !TryKeyValue(keyValue, out _, out _))
                {
                    return false;
                }
            }
            else if (!TrySkipKnown(ref reader, field, wire, stringFields: [1, 2], messageFields: []))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Per-request scratch space: reused lists, the result, the receive time, the limits, the raw series cache.</summary>
    private sealed class Context(MappingResult result, long nowMs, IngestLimits limits, RawSeriesCache? known)
    {
        public RawSeriesCache? Known { get; } = known;

        /// <summary>The current resource's cache entries (its gate held), or null when points are mapped without.</summary>
        public RawSeriesCache.Shelf? Shelf { get; set; }

        public MappingResult Result { get; } = result;

        public long NowMs { get; } = nowMs;

        public IngestLimits Limits { get; } = limits;

        public List<KeyValuePair<string, string>> Attributes { get; } = new(8);

        public List<KeyValuePair<string, string>> Labels { get; } = new(8);
    }
}
