using System.CommandLine;
using Hanzo.Qml.Cli.Commands;

namespace Hanzo.Qml.Cli;

/// <summary>
/// The <c>hanzo-qml</c> command line as a function: tests call <see cref="Run"/> in-process with their own writers,
/// and <c>Program.cs</c> calls it with the process's standard streams.
/// </summary>
public static class HanzoQmlCli
{
    /// <summary>The prefix of every error line on standard error.</summary>
    public const string ErrorPrefix = "hanzo-qml: error: ";

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command. Results go to <paramref name="stdout"/>; an error is one line
    /// <c>hanzo-qml: error: …</c> on <paramref name="stderr"/>.
    /// </summary>
    /// <returns>0 on success, 2 for a usage or input error, 1 for any other failure (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            var root = new RootCommand("hanzo-qml: quantum machine learning on a statevector simulator.")
            {
                RunCommand.Create(stdout),
                BackendsCommand.Create(stdout),
                KernelCommand.Create(stdout),
                QaoaCommand.Create(stdout),
                TrainCommand.Create(stdout, stderr),
                PredictCommand.Create(stdout),
                BenchmarkCommand.Create(stdout, stderr),
                HpoCommand.Create(stdout, stderr),
                ServeCommand.Create(stderr),
            };
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0 && parse.Action is not { ClearsParseErrors: true })
            {
                // One line, not System.CommandLine's help dump: the first error says what to fix.
                return Fail(stderr, ExitCodes.Usage, parse.Errors[0].Message + " (see 'hanzo-qml --help')");
            }
            return parse.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliException e)
        {
            return Fail(stderr, e.ExitCode, e.Message);
        }
        catch (OutOfMemoryException)
        {
            return Fail(stderr, ExitCodes.Failure, "out of memory; use fewer qubits, fewer shots or drop --state/--probs");
        }
#pragma warning disable CA1031 // The tool's contract: one line on stderr, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Fail(stderr, ExitCodes.Failure, $"internal error ({e.GetType().Name}): {e.Message}");
        }
    }

    /// <summary>Writes <c>hanzo-qml: error: MESSAGE</c> as one line and returns <paramref name="exitCode"/>.</summary>
    internal static int Fail(TextWriter stderr, int exitCode, string message)
    {
        stderr.WriteLine(ErrorPrefix + OneLine(message));
        stderr.Flush();
        return exitCode;
    }

    /// <summary>Collapses line breaks so a message stays on one line.</summary>
    internal static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : message;
}
