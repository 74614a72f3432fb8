using System.CommandLine;
using System.Globalization;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Hanzo.Qml.Cli.Output;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>One simulator backend as <c>hanzo-qml backends list</c> reports it.</summary>
/// <param name="Name">The backend's name.</param>
/// <param name="Description">One line about it.</param>
/// <param name="MaxQubits">Largest register the backend can represent.</param>
/// <param name="MaxQubitsInBudget">Largest register whose state fits the memory budget on this machine.</param>
/// <param name="MemoryBudgetBytes">The simulator's memory budget for statevectors.</param>
/// <param name="Avx512Kernels">Whether the 512-bit gate kernels run on this processor.</param>
public sealed record BackendInfo(string Name, string Description, int MaxQubits, int MaxQubitsInBudget, long MemoryBudgetBytes, bool Avx512Kernels)
{
    /// <summary>The memory budget in GiB.</summary>
    public double MemoryBudgetGib => MemoryBudgetBytes / (1024.0 * 1024 * 1024);
}

/// <summary><c>hanzo-qml backends list [--json]</c>: the built-in simulators and their limits on this machine.</summary>
public static class BackendsCommand
{
    /// <summary>Builds the <c>backends</c> command with its <c>list</c> subcommand.</summary>
    public static Command Create(TextWriter stdout)
    {
        var json = new Option<bool>("--json") { Description = "Print {\"backends\": [{name, max_qubits, ...}]} as JSON" };
        var list = new Command("list", "List the built-in simulator backends") { json };
        list.SetAction(parse =>
        {
            Write(stdout, Backends(), parse.GetValue(json));
            return ExitCodes.Success;
        });
        return new Command("backends", "Simulator backends") { list };
    }

    /// <summary>The built-in backends: the complex128 statevector simulator.</summary>
    public static IReadOnlyList<BackendInfo> Backends()
    {
        long budget = SimulatorOptions.Default.EffectiveMemoryBudget;
        int inBudget = 0;
        for (int n = 1; n <= StateVector.MaxQubits && StateVector.BytesFor(n) <= budget; n++) inBudget = n;
        // The library's kernels switch to 512-bit vectors under exactly this condition (its flag is internal).
        bool avx512 = Avx512F.IsSupported && Vector512.IsHardwareAccelerated;
        return [new BackendInfo("statevector", "complex128 statevector simulator (PennyLane wire order)", StateVector.MaxQubits, inBudget, budget, avx512)];
    }

    private static void Write(TextWriter stdout, IReadOnlyList<BackendInfo> backends, bool asJson)
    {
        if (asJson)
        {
            JsonOutput.Write(stdout, w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("backends"u8);
                w.WriteStartArray();
                foreach (var b in backends)
                {
                    w.WriteStartObject();
                    w.WriteString("name"u8, b.Name);
                    w.WriteString("description"u8, b.Description);
                    w.WriteNumber("max_qubits"u8, b.MaxQubits);
                    w.WriteNumber("max_qubits_in_budget"u8, b.MaxQubitsInBudget);
                    w.WriteNumber("memory_budget_bytes"u8, b.MemoryBudgetBytes);
                    w.WriteNumber("memory_budget_gib"u8, Math.Round(b.MemoryBudgetGib, 3));
                    w.WriteBoolean("avx512_kernels"u8, b.Avx512Kernels);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            });
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        var table = new TextTable("backend", "max qubits", "fits budget", "memory budget", "AVX-512 kernels");
        foreach (var b in backends)
            table.Add(b.Name, b.MaxQubits.ToString(inv), b.MaxQubitsInBudget.ToString(inv), b.MemoryBudgetGib.ToString("0.0", inv) + " GiB", b.Avx512Kernels ? "yes" : "no");
        table.Write(stdout);
    }
}
