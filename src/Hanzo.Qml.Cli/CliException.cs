namespace Hanzo.Qml.Cli;

/// <summary>
/// A failure the user should read as one line: <see cref="HanzoQmlCli.Run"/> prints
/// <c>hanzo-qml: error: MESSAGE</c> on standard error and exits with <see cref="ExitCode"/>; no stack trace.
/// </summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception with an exit code and a message.</summary>
    public CliException(int exitCode, string message) : base(message) => ExitCode = exitCode;

    /// <summary>Creates the exception with an exit code, a message and the cause.</summary>
    public CliException(int exitCode, string message, Exception inner) : base(message, inner) => ExitCode = exitCode;

    /// <summary>Creates a usage error (exit code 2).</summary>
    public CliException() : this(ExitCodes.Usage, "invalid usage") { }

    /// <summary>Creates a usage error (exit code 2).</summary>
    public CliException(string message) : this(ExitCodes.Usage, message) { }

    /// <summary>Creates a usage error (exit code 2) with its cause.</summary>
    public CliException(string message, Exception inner) : this(ExitCodes.Usage, message, inner) { }

    /// <summary>The process exit code: <see cref="ExitCodes.Usage"/> or <see cref="ExitCodes.Failure"/>.</summary>
    public int ExitCode { get; }

    /// <summary>A usage or input error (exit code 2).</summary>
    public static CliException Usage(string message, Exception? inner = null) =>
        inner is null ? new(ExitCodes.Usage, message) : new(ExitCodes.Usage, message, inner);

    /// <summary>Any other failure (exit code 1).</summary>
    public static CliException Failure(string message, Exception? inner = null) =>
        inner is null ? new(ExitCodes.Failure, message) : new(ExitCodes.Failure, message, inner);
}

/// <summary>The exit codes of <c>hanzo-qml</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>A failure that is not the input's fault (out of memory, an internal error, a non-finite result).</summary>
    public const int Failure = 1;

    /// <summary>A usage or input error: bad option, missing file, malformed QASM, bad observable, state too large.</summary>
    public const int Usage = 2;
}
