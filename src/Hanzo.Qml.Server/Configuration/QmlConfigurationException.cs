namespace Hanzo.Qml.Server.Configuration;

/// <summary>
/// The configuration cannot be used: start-up stops with this exception, whose message lists every problem found (not
/// only the first), one per line. <c>hanzo-qml serve</c> prints it on standard error and exits with code 2.
/// </summary>
public sealed class QmlConfigurationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">At least one problem.</param>
    public QmlConfigurationException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Format(problems)) => Problems = problems;

    /// <summary>Creates the exception with one problem described by <paramref name="message"/>.</summary>
    public QmlConfigurationException(string message) : this([new ConfigurationProblem("configuration", null, message)]) { }

    /// <summary>Creates the exception with one problem described by <paramref name="message"/> and its cause.</summary>
    public QmlConfigurationException(string message, Exception inner) : base(message, inner) =>
        Problems = [new ConfigurationProblem("configuration", null, message)];

    /// <summary>Creates the exception with a generic problem.</summary>
    public QmlConfigurationException() : this("invalid configuration") { }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Format(IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var head = problems.Count == 1 ? "invalid configuration, 1 problem:" : $"invalid configuration, {problems.Count} problems:";
        return head + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p));
    }
}
