namespace AzLocalMonitor.Rules.Diagnostics;

/// <summary>The two OTLP/HTTP encodings (label <c>encoding</c> of <c>azlm_ingest_requests_total</c>).</summary>
public enum OtlpEncoding
{
    /// <summary><c>application/x-protobuf</c>: binary protobuf.</summary>
    Protobuf,

    /// <summary><c>application/json</c>: the proto3 JSON mapping with OTLP's conventions.</summary>
    Json,
}
