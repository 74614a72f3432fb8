using Hanzo.Qml.Circuits;
using Hanzo.Qml.Encodings;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// An encoding circuit compiled for preparing many states: runs of diagonal gates become one fused phase pass
/// (<see cref="DiagonalBlock"/>), everything else runs through the statevector simulator (with its own fusion and cache
/// blocking). A diagonal gate is moved later past non-diagonal gates on other wires — they commute — so IQP's
/// "H, RZ on each wire, then MultiRZ on all pairs" becomes one Hadamard layer and one phase pass per repeat.
/// The result equals the simulator's state to rounding, global phase included.
/// </summary>
internal sealed class EncodingProgram
{
    /// <summary>A run with fewer multi-wire gates than this stays with the simulator, whose passes are then cheaper.</summary>
    internal const int MinFusedMultiWireGates = 4;

    private readonly Circuit _circuit;
    private readonly object[] _segments;   // Circuit (simulator) or DiagonalBlock
    private readonly StatevectorSimulator _simulator;

    public EncodingProgram(IEncoding encoding, SimulatorOptions? options)
        : this(encoding.ToCircuit(), options)
    {
    }

    public EncodingProgram(Circuit circuit, SimulatorOptions? options)
    {
        _circuit = circuit;
        // States are prepared one per thread, so each state's kernels run single-threaded.
        _simulator = new StatevectorSimulator((options ?? SimulatorOptions.Default) with { ParallelThresholdQubits = int.MaxValue });
        _segments = Compile(circuit);
    }

    /// <summary>The encoding circuit.</summary>
    public Circuit Circuit => _circuit;

    /// <summary>Qubits of the states.</summary>
    public int NumQubits => _circuit.NumQubits;

    /// <summary>How many fused phase passes the program has (tests check IQP gets one per repeat).</summary>
    public int FusedBlockCount => _segments.Count(s => s is DiagonalBlock);

    /// <summary>How many Hadamard layers run as one transform.</summary>
    public int HadamardLayerCount => _segments.Count(s => s is HadamardLayer);

    /// <summary>A run of Hadamard gates on distinct wires, applied as one Walsh–Hadamard transform.</summary>
    private sealed class HadamardLayer
    {
        private readonly int _n;
        private readonly long _bits;

        private HadamardLayer(int n, long bits)
        {
            _n = n;
            _bits = bits;
        }

        public static HadamardLayer? TryCreate(int n, List<Operation> ops)
        {
            if (ops.Count < 2) return null;
            long bits = 0;
            foreach (var op in ops)
            {
                if (op.Gate != GateKind.Hadamard) return null;
                long bit = 1L << (n - 1 - op.Wires[0]);
                if ((bits & bit) != 0) return null;
                bits |= bit;
            }
            return new HadamardLayer(n, bits);
        }

        /// <summary>True when the layer covers every wire.</summary>
        public bool IsFull => _bits == (1L << _n) - 1;

        public void Apply(StateVector state) => HadamardTransform.Apply(state, _bits);
    }

    /// <summary>Prepares the encoded state of <paramref name="features"/> in <paramref name="state"/> (single-threaded).</summary>
    public void Prepare(StateVector state, ReadOnlySpan<double> features, DiagonalBlock.Scratch scratch)
    {
        int first = 0;
        if (_circuit.Preparation is null && _segments.Length > 0 && _segments[0] is HadamardLayer { IsFull: true })
        {
            // H on every wire of |0…0⟩ is the uniform superposition: a fill instead of a transform.
            state.Amplitudes.Fill(new System.Numerics.Complex(Math.Pow(2, -0.5 * state.NumQubits), 0));
            first = 1;
        }
        else StatevectorSimulator.Initialize(_circuit, state, features);
        for (int i = first; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment is DiagonalBlock block) block.Apply(state, default, features, scratch);
            else if (segment is HadamardLayer layer) layer.Apply(state);
            else _simulator.Apply((Circuit)segment, state, default, features, parallel: false);
        }
    }

    private object[] Compile(Circuit circuit)
    {
        int n = circuit.NumQubits;
        var segments = new List<object>();
        var pending = new List<Operation>();   // non-diagonal gates that run before the diagonal run
        var diagonal = new List<Operation>();
        long diagonalWires = 0;
        void Flush()
        {
            if (pending.Count > 0) segments.Add(HadamardLayer.TryCreate(n, pending) ?? (object)pending.ToArray());
            if (diagonal.Count > 0)
            {
                var block = new DiagonalBlock(n, diagonal);
                segments.Add(block.MultiWireCount >= MinFusedMultiWireGates ? block : diagonal.ToArray());
            }
            pending.Clear();
            diagonal.Clear();
            diagonalWires = 0;
        }
        foreach (var op in circuit.Operations)
        {
            long wires = 0;
            foreach (int w in op.Wires) wires |= 1L << w;
            if (DiagonalBlock.CanAbsorb(op))
            {
                diagonal.Add(op);
                diagonalWires |= wires;
            }
            else if ((wires & diagonalWires) == 0) pending.Add(op);
            else
            {
                Flush();
                pending.Add(op);
            }
        }
        Flush();
        // Consecutive simulator runs become one circuit, so the simulator fuses across them.
        var result = new List<object>();
        var run = new List<Operation>();
        foreach (var s in segments)
        {
            if (s is Operation[] ops) run.AddRange(ops);
            else
            {
                if (run.Count > 0) result.Add(SubCircuit(circuit, run));
                run.Clear();
                result.Add(s);
            }
        }
        if (run.Count > 0) result.Add(SubCircuit(circuit, run));
        return [.. result];
    }

    private static Circuit SubCircuit(Circuit parent, List<Operation> ops) =>
        new(parent.NumQubits, ops, null, parent.NumWeights, parent.NumFeatures);
}
