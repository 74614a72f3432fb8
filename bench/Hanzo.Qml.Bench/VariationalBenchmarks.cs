using Hanzo.Qml.Ansatze;
using Hanzo.Qml.Circuits;
using Hanzo.Qml.Data;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Gradients;
using Hanzo.Qml.Models;

namespace Hanzo.Qml.Bench;

/// <summary>
/// One VQC training epoch's gradient as in shared/perf/PEERS.md: AngleEmbedding + StronglyEntanglingLayers, 8 qubits,
/// 4 layers (96 weights), 64 samples in one batch, loss = MSE of ⟨Z0⟩ against ±1 labels.
/// </summary>
internal static class VariationalBenchmarks
{
    public static void Run()
    {
        Console.WriteLine();
        Console.WriteLine("(vqc) one epoch: 8 qubits, angle + strongly entangling ×4 (96 weights), 64 samples, batch 64, MSE of <Z0> vs ±1; median after warm-up");
        Console.WriteLine("  gradient                         ours (ms)   peer (ms)   ×faster  target");
        const int n = 8, layers = 4, samples = 64;
        var b = new CircuitBuilder(n);
        new AngleEncoding(n).AppendTo(b);
        new StronglyEntanglingLayers(n, layers).AppendTo(b);
        var circuit = b.Build();
        var rng = new SeededRandom(1);
        var w = Enumerable.Range(0, circuit.NumWeights).Select(_ => rng.NextDouble(0, 2 * Math.PI)).ToArray();
        var x = Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, n).Select(_ => rng.NextDouble(0, Math.PI)).ToArray()).ToArray();
        var y = Enumerable.Range(0, samples).Select(i => i % 2 == 0 ? 1.0 : -1.0).ToArray();
        var batch = Enumerable.Range(0, samples).ToArray();
        using var engine = new CircuitEngine(circuit, [0]);
        var loss = new double[samples];
        var dW = Enumerable.Range(0, samples).Select(_ => new double[circuit.NumWeights]).ToArray();
        var grad = new double[circuit.NumWeights];
        CircuitEngine.Head head = (j, r, d) => { double e = r[0] - y[j]; d[0] = 2 * e / samples; return e * e / samples; };
        void Epoch(GradientMethod m)
        {
            engine.LossAndGradient(w, x, batch, head, m, loss, dW, null);
            Array.Clear(grad);
            for (int j = 0; j < samples; j++) for (int k = 0; k < grad.Length; k++) grad[k] += dW[j][k];
        }
        // The generic path (core AdjointDifferentiator per sample) as the before-figure of the specialised engine.
        var adjoint = new AdjointDifferentiator();
        var z0 = (Hamiltonian)PauliString.Z(0);
        void Generic()
        {
            foreach (var xi in x) adjoint.Compute(circuit, z0, w, xi);
        }
        Row("adjoint (generic core, before)", Benchmarks.Time(Generic, 5), 86, "—");
        Row("adjoint (co-state engine)", Benchmarks.Time(() => Epoch(GradientMethod.Adjoint), 30), 86, "≥10× (≤ 8.6 ms)");
        Row("parameter-shift (snapshots)", Benchmarks.Time(() => Epoch(GradientMethod.ParameterShift), 5), 1717, "≥20× (≤ 86 ms)");
    }

    private static void Row(string name, double seconds, double peerMs, string target) =>
        Console.WriteLine($"  {name,-32} {seconds * 1e3,9:F2}  {peerMs,10:F0}  {peerMs / (seconds * 1e3),8:F1}  {target}");
}
