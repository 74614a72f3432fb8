using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Circuits.OpenQasm;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>What <c>hanzo-qml run</c> was asked to do.</summary>
/// <param name="File">Path of the OpenQASM 2.0 program.</param>
/// <param name="State">Report the amplitudes.</param>
/// <param name="Probs">Report the basis-state probabilities.</param>
/// <param name="Expvals">Observables as the user wrote them ("Z0 Z3", "0.5 Z0 + 0.3 X1").</param>
/// <param name="Shots">Number of samples, or null for none.</param>
/// <param name="Seed">Seed of the sampler.</param>
/// <param name="Json">Write one JSON object instead of tables.</param>
public sealed record RunRequest(string File, bool State, bool Probs, IReadOnlyList<string> Expvals, int? Shots, int Seed, bool Json);

/// <summary>
/// <c>hanzo-qml run FILE.qasm [--state] [--probs] [--expval OBS]... [--shots N] [--seed S] [--json]</c>: imports an
/// OpenQASM 2.0 program, runs it on the statevector simulator from |0…0⟩ and reports what was asked for.
/// </summary>
public static class RunCommand
{
    /// <summary>The sampler's seed when <c>--seed</c> is not given, so that runs are reproducible.</summary>
    public const int DefaultSeed = 0;

    /// <summary>Builds the command; results are written to <paramref name="stdout"/>.</summary>
    public static Command Create(TextWriter stdout)
    {
        var file = new Argument<string>("file")
        {
            Description = "OpenQASM 2.0 program to run (qreg/creg, qelib1.inc gates, user gates, barrier, measure)",
        };
        var state = new Option<bool>("--state") { Description = "Report the final state's amplitudes" };
        var probs = new Option<bool>("--probs") { Description = "Report the probability of every basis state" };
        var expval = new Option<string[]>("--expval")
        {
            Description = "Report ⟨O⟩ for an observable: a Pauli product such as \"Z0 Z3\" or \"X1 Y2\", or a sum such as "
                + "\"0.5 Z0 + 0.3 X1\" (letter = Pauli, number = wire); repeatable",
            HelpName = "observable",
            Arity = ArgumentArity.OneOrMore,
        };
        var shots = new Option<int?>("--shots")
        {
            Description = "Draw N samples of all qubits in the computational basis (N ≥ 1). The program's measure statements "
                + "are read as measuring every qubit at the end, so samples always cover all qubits",
            HelpName = "N",
            CustomParser = r => ParseInt(r, "--shots"),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the sampler; the same seed gives the same samples",
            HelpName = "S",
            DefaultValueFactory = _ => DefaultSeed,
            CustomParser = r => ParseInt(r, "--seed") ?? DefaultSeed,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print one JSON object {n_qubits, state{re,im}, probs, expvals, samples} with only the requested "
                + "keys; basis index and bitstring order follow PennyLane (wire 0 = most significant bit = first character)",
        };
        var command = new Command("run", "Run an OpenQASM 2.0 program on the statevector simulator")
        {
            file, state, probs, expval, shots, seed, json,
        };
        command.SetAction(parse =>
        {
            var request = new RunRequest(
                parse.GetValue(file)!,
                parse.GetValue(state),
                parse.GetValue(probs),
                Distinct(parse.GetValue(expval) ?? []),
                parse.GetValue(shots),
                parse.GetValue(seed),
                parse.GetValue(json));
            return Execute(request, stdout);
        });
        return command;
    }

    /// <summary>Runs <paramref name="request"/> and writes the report; throws <see cref="CliException"/> on bad input.</summary>
    /// <returns>The exit code (0).</returns>
    public static int Execute(RunRequest request, TextWriter stdout)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        if (request.Shots is < 1)
            throw CliException.Usage($"--shots must be at least 1, got {request.Shots}");
        var program = Load(request.File);
        int n = program.Circuit.NumQubits;
        var observables = ParseObservables(request.Expvals, n);

        StateVector sv;
        try
        {
            sv = new StatevectorSimulator().Run(program.Circuit);
        }
        catch (StateTooLargeException e)
        {
            throw CliException.Usage($"{request.File}: {e.Message}", e);
        }
        using (sv)
        {
            var expvals = new double[observables.Length];
            for (int i = 0; i < observables.Length; i++)
            {
                expvals[i] = Measurements.Expectation(sv, observables[i]);
                if (!double.IsFinite(expvals[i]))
                    throw CliException.Failure($"⟨{request.Expvals[i]}⟩ is not a finite number ({expvals[i]})");
            }
            if ((request.State || request.Probs) && !AllFinite(sv))
                throw CliException.Failure("the simulation produced a non-finite amplitude");
            var samples = request.Shots is int s ? Measurements.Sample(sv, s, request.Seed) : null;
            var result = new RunResult(request, program, sv, expvals, samples);
            if (request.Json) RunJsonWriter.Write(stdout, result);
            else RunTextWriter.Write(stdout, result);
        }
        return ExitCodes.Success;
    }

    /// <summary>Reads and imports the program; file and QASM problems become usage errors.</summary>
    internal static QasmProgram Load(string path)
    {
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw CliException.Usage($"cannot read '{path}': file not found", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw CliException.Usage($"cannot read '{path}': {e.Message}", e);
        }
        try
        {
            return OpenQasmParser.Parse(source);
        }
        catch (QasmParseException e)
        {
            // The message reads "line L, column C: what was wrong; what is allowed".
            throw CliException.Usage($"{path}: {e.Message}", e);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw CliException.Usage($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Parses each <c>--expval</c> as a Pauli product or sum and checks its wires against the register.</summary>
    internal static Hamiltonian[] ParseObservables(IReadOnlyList<string> texts, int numQubits)
    {
        var result = new Hamiltonian[texts.Count];
        for (int i = 0; i < texts.Count; i++)
        {
            string text = texts[i];
            Hamiltonian h;
            try
            {
                h = Hamiltonian.Parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw CliException.Usage($"--expval '{text}': {e.Message}", e);
            }
            int max = h.MaxWire;
            if (max >= numQubits)
                throw CliException.Usage($"--expval '{text}' names wire {max}, but the circuit has {numQubits} qubit{(numQubits == 1 ? "" : "s")} (wires 0 to {numQubits - 1})");
            result[i] = h;
        }
        return result;
    }

    /// <summary>An integer option's value, with a readable error instead of the CLR type name.</summary>
    private static int? ParseInt(ArgumentResult result, string option)
    {
        string token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)) return value;
        result.AddError($"{option} expects a whole number (32-bit), got '{token}'");
        return null;
    }

    /// <summary>The observables in the order given, each once (a repeated <c>--expval</c> would repeat a JSON key).</summary>
    private static string[] Distinct(string[] texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>(texts.Length);
        foreach (var t in texts)
            if (seen.Add(t)) result.Add(t);
        return [.. result];
    }

    private static bool AllFinite(StateVector sv)
    {
        var amplitudes = sv.Amplitudes;
        for (int i = 0; i < amplitudes.Length; i++)
            if (!double.IsFinite(amplitudes[i].Real) || !double.IsFinite(amplitudes[i].Imaginary)) return false;
        return true;
    }
}
