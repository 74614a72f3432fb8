using System.Text.Json;
using Hanzo.Qml.Circuits.OpenQasm;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Tests;

/// <summary>The outcome of one in-process <see cref="HanzoQmlCli.Run"/>.</summary>
public sealed record CliOutcome(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output parsed as the single JSON object it must be.</summary>
    public JsonElement Json
    {
        get
        {
            Assert.True(ExitCode == 0, $"exit code {ExitCode}, stderr: {Stderr}");
            Assert.EndsWith("\n", Stdout, StringComparison.Ordinal);
            Assert.Equal(1, Stdout.Count(c => c == '\n')); // one line, one object
            using var doc = JsonDocument.Parse(Stdout);
            Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
            return doc.RootElement.Clone();
        }
    }

    /// <summary>The names of the JSON object's keys, in order.</summary>
    public string[] Keys => [.. Json.EnumerateObject().Select(p => p.Name)];

    /// <summary>Asserts a usage/input error: the code, nothing on stdout, one line on stderr with the prefix.</summary>
    public string AssertError(int expectedCode = ExitCodes.Usage)
    {
        Assert.Equal(expectedCode, ExitCode);
        Assert.Equal("", Stdout);
        Assert.StartsWith(HanzoQmlCli.ErrorPrefix, Stderr, StringComparison.Ordinal);
        string line = Stderr.TrimEnd('\r', '\n');
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal); // no stack trace
        return line;
    }
}

/// <summary>Runs the CLI in-process and writes QASM programs to a temporary folder.</summary>
public sealed class CliHarness : IDisposable
{
    public const string Bell = """
        OPENQASM 2.0;
        include "qelib1.inc";
        qreg q[2];
        creg c[2];
        h q[0];
        cx q[0],q[1];
        measure q -> c;
        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hanzo-qml-cli-tests-" + Guid.NewGuid().ToString("N"));

    public CliHarness() => Directory.CreateDirectory(_dir);

    /// <summary>Writes <paramref name="source"/> to a fresh .qasm file and returns its path.</summary>
    public string Qasm(string source, string name = "program")
    {
        string path = Path.Combine(_dir, $"{name}-{Guid.NewGuid():N}.qasm");
        File.WriteAllText(path, source);
        return path;
    }

    /// <summary>A program on <paramref name="n"/> qubits with the given gate lines.</summary>
    public string Program(int n, params string[] gates) =>
        Qasm($"OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[{n}];\n" + string.Concat(gates.Select(g => g + "\n")));

    public string MissingPath => Path.Combine(_dir, "does-not-exist.qasm");

    public static CliOutcome Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = HanzoQmlCli.Run(args, stdout, stderr);
        return new CliOutcome(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The library's own final state for a QASM program (the reference the CLI must reproduce).</summary>
    public static StateVector Simulate(string source) => new StatevectorSimulator().Run(OpenQasmParser.Parse(source).Circuit);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
