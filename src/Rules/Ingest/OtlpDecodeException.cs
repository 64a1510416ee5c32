namespace AzLocalMonitor.Rules.Ingest;

/// <summary>The request body is not a valid OTLP export request in the declared encoding (HTTP 400).</summary>
public sealed class OtlpDecodeException : Exception
{
    public OtlpDecodeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    public OtlpDecodeException()
    {
    }

    public OtlpDecodeException(string message)
        : base(message)
    {
    }
}
