using System.Diagnostics;
using System.Text.Json;
using Xunit.Abstractions;

namespace Hanzo.Qml.Cli.Tests;

/// <summary>Runs the built <c>hanzo-qml</c> executable as a real process: start-up, stdout/stderr and exit codes.</summary>
public sealed class ProcessTests(ITestOutputHelper output) : IDisposable
{
    private readonly CliHarness _h = new();

    public void Dispose() => _h.Dispose();

    /// <summary>
    /// The executable: the apphost the project reference copies next to this test assembly, else <c>dotnet hanzo-qml.dll</c>
    /// there, else the CLI project's own build output. Null when none exists.
    /// </summary>
    internal static (string FileName, string[] Prefix)? FindExecutable()
    {
        string exe = OperatingSystem.IsWindows() ? "hanzo-qml.exe" : "hanzo-qml";
        string here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, exe))) return (Path.Combine(here, exe), []);
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        if (File.Exists(Path.Combine(here, "hanzo-qml.dll")) && File.Exists(Path.Combine(here, "hanzo-qml.runtimeconfig.json")))
            return (dotnet, [Path.Combine(here, "hanzo-qml.dll")]);
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "Hanzo.Qml.Cli", "bin");
            if (!Directory.Exists(project)) continue;
            foreach (var candidate in Directory.EnumerateFiles(project, exe, SearchOption.AllDirectories))
                return (candidate, []);
        }
        return null;
    }

    private static (int Code, string Stdout, string Stderr) Spawn((string FileName, string[] Prefix) exe, params string[] args)
    {
        var psi = new ProcessStartInfo(exe.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in exe.Prefix) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("hanzo-qml did not exit within 120 s");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private bool TryFind(out (string FileName, string[] Prefix) exe)
    {
        var found = FindExecutable();
        if (found is null)
        {
            // The project reference copies the tool next to the tests, so a missing executable is a broken build, not a skip.
            Assert.Fail($"no hanzo-qml executable next to {AppContext.BaseDirectory} nor under src/Hanzo.Qml.Cli/bin");
        }
        exe = found.Value;
        output.WriteLine($"running {exe.FileName} {string.Join(' ', exe.Prefix)}");
        return true;
    }

    [Fact]
    public void Executable_prints_one_json_object_and_exits_0()
    {
        if (!TryFind(out var exe)) return;
        var (code, stdout, stderr) = Spawn(exe, "run", _h.Qasm(CliHarness.Bell), "--probs", "--expval", "Z0 Z1", "--shots", "64", "--json");
        Assert.True(code == 0, stderr);
        Assert.Equal("", stderr);
        Assert.Equal(1, stdout.Count(c => c == '\n'));
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal(["n_qubits", "probs", "expvals", "samples"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(new[] { 0.5, 0, 0, 0.5 }, root.GetProperty("probs").EnumerateArray().Select(e => e.GetDouble()), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(1.0, root.GetProperty("expvals").GetProperty("Z0 Z1").GetDouble(), 12);
        Assert.Equal(64, root.GetProperty("samples").EnumerateObject().Sum(p => p.Value.GetInt32()));
        // The real process and the in-process entry point print the same bytes.
        Assert.Equal(CliHarness.Run("run", _h.Qasm(CliHarness.Bell), "--probs", "--expval", "Z0 Z1", "--shots", "64", "--json").Stdout, stdout);
    }

    [Fact]
    public void Executable_streams_a_large_state()
    {
        if (!TryFind(out var exe)) return;
        var (code, stdout, stderr) = Spawn(exe, "run", _h.Program(16, "h q;"), "--state", "--json");
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        var re = doc.RootElement.GetProperty("state").GetProperty("re");
        Assert.Equal(1 << 16, re.GetArrayLength());
        Assert.All(re.EnumerateArray(), e => Assert.Equal(1.0 / 256, e.GetDouble(), 14));
    }

    [Fact]
    public void Executable_reports_qasm_errors_on_one_stderr_line_with_exit_code_2()
    {
        if (!TryFind(out var exe)) return;
        var (code, stdout, stderr) = Spawn(exe, "run", _h.Qasm("OPENQASM 2.0;\nqreg q[1];\nh q[0];\n"), "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("hanzo-qml: error: ", line, StringComparison.Ordinal);
        Assert.Contains("line 3, column 1", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Executable_reports_a_missing_file_with_exit_code_2()
    {
        if (!TryFind(out var exe)) return;
        var (code, stdout, stderr) = Spawn(exe, "run", _h.MissingPath);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches("^hanzo-qml: error: [^\n]*not found\r?\n$", stderr);
    }
}
