namespace AzLocalMonitor.Collector.Sources.Simulated;

/// <summary>A scenario file is missing or wrong. The message names the file and, when known, the line.</summary>
internal sealed class ScenarioException : Exception
{
    public ScenarioException(string message)
        : base(message)
    {
    }

    public ScenarioException()
    {
    }

    public ScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Formats <c>file:line:column: message</c>, the shape editors and CI logs link to.</summary>
    public static ScenarioException At(string file, long line, long column, string message) =>
        new($"{file}:{line}:{column}: {message}");
}
