namespace AzLocalMonitor.Collector.Configuration;

/// <summary>The settings are wrong; <see cref="Problems"/> lists every one, not just the first.</summary>
internal sealed class OptionsException : Exception
{
    public OptionsException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public OptionsException()
    {
        Problems = [];
    }

    public OptionsException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public OptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; }
}
