using System.Numerics;
using System.Runtime.InteropServices;

namespace Hanzo.Qml.Simulation;

/// <summary>
/// A complex128 statevector of 2ⁿ amplitudes in PennyLane's order (wire 0 is the most significant bit of the index).
/// The amplitudes live in 64-byte-aligned native memory so the 512-bit kernels never split a cache line and a
/// 30-qubit state (16 GiB) needs no managed array; dispose it to free the memory at once.
/// </summary>
public sealed unsafe class StateVector : IDisposable
{
    /// <summary>Largest register this type can hold (a <see cref="Span{T}"/> indexes at most 2³⁰ amplitudes).</summary>
    public const int MaxQubits = 30;

    private double* _data;

    private StateVector(int numQubits)
    {
        NumQubits = numQubits;
        Length = 1L << numQubits;
        _data = (double*)NativeMemory.AlignedAlloc((nuint)(Length * 16), 64);
        GC.AddMemoryPressure(Length * 16);
    }

    /// <summary>Number of qubits.</summary>
    public int NumQubits { get; }

    /// <summary>Number of amplitudes, 2ⁿ.</summary>
    public long Length { get; }

    /// <summary>Bytes of amplitude storage for <paramref name="numQubits"/> qubits.</summary>
    public static long BytesFor(int numQubits) => 16L << numQubits;

    /// <summary>The amplitudes (valid until the state is disposed).</summary>
    public Span<Complex> Amplitudes => new(Data, (int)Length);

    /// <summary>Amplitude <paramref name="index"/>.</summary>
    public Complex this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Length);
            return new Complex(Data[2 * index], Data[2 * index + 1]);
        }
    }

    internal double* Data => _data != null ? _data : throw new ObjectDisposedException(nameof(StateVector));

    /// <summary>
    /// The state |0…0⟩ on <paramref name="numQubits"/> qubits, after checking the memory budget.
    /// </summary>
    /// <exception cref="StateTooLargeException">When the state exceeds the budget (nothing is allocated).</exception>
    public static StateVector Zero(int numQubits, SimulatorOptions? options = null)
    {
        var sv = Allocate(numQubits, options);
        sv.Reset();
        return sv;
    }

    /// <summary>A state with the given amplitudes (not renormalised).</summary>
    public static StateVector FromAmplitudes(ReadOnlySpan<Complex> amplitudes, SimulatorOptions? options = null)
    {
        int n = BitOperations.Log2((uint)amplitudes.Length);
        if (amplitudes.Length < 2 || (1 << n) != amplitudes.Length)
            throw new ArgumentException($"A statevector has 2ⁿ amplitudes (n ≥ 1); got {amplitudes.Length}.", nameof(amplitudes));
        var sv = Allocate(n, options);
        amplitudes.CopyTo(sv.Amplitudes);
        return sv;
    }

    internal static StateVector Allocate(int numQubits, SimulatorOptions? options = null)
    {
        CheckBudget(numQubits, 1, options);
        return new StateVector(numQubits);
    }

    /// <summary>Throws <see cref="StateTooLargeException"/> when <paramref name="count"/> states of <paramref name="numQubits"/> qubits exceed the budget.</summary>
    public static void CheckBudget(int numQubits, long count, SimulatorOptions? options = null)
    {
        if (numQubits < 1) throw new ArgumentOutOfRangeException(nameof(numQubits), numQubits, "A statevector needs at least one qubit.");
        long budget = (options ?? SimulatorOptions.Default).EffectiveMemoryBudget;
        if (numQubits > MaxQubits)
        {
            long required = numQubits >= 59 ? long.MaxValue : BytesFor(numQubits);
            throw new StateTooLargeException($"A {numQubits}-qubit statevector needs {(numQubits >= 59 ? "more than 8 EiB" : StateTooLargeException.Gib(required))} (16 bytes × 2^{numQubits}); this simulator holds at most {MaxQubits} qubits (16 GiB).");
        }
        long bytes = BytesFor(numQubits);
        long total = count > long.MaxValue / bytes ? long.MaxValue : bytes * count;
        if (total > budget) throw new StateTooLargeException(numQubits, count, total, budget);
    }

    /// <summary>Sets the state to |0…0⟩.</summary>
    public void Reset()
    {
        NativeMemory.Clear(Data, (nuint)(Length * 16));
        Data[0] = 1.0;
    }

    /// <summary>Copies the amplitudes of <paramref name="other"/> (same size) into this state.</summary>
    public void CopyFrom(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.NumQubits != NumQubits) throw new ArgumentException($"Cannot copy a {other.NumQubits}-qubit state into a {NumQubits}-qubit state.", nameof(other));
        Buffer.MemoryCopy(other.Data, Data, Length * 16, Length * 16);
    }

    /// <summary>An independent copy.</summary>
    public StateVector Clone()
    {
        var c = new StateVector(NumQubits);
        c.CopyFrom(this);
        return c;
    }

    /// <summary>The amplitudes as a new array.</summary>
    public Complex[] ToArray() => Amplitudes.ToArray();

    /// <summary>⟨this|other⟩.</summary>
    public Complex InnerProduct(StateVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.NumQubits != NumQubits) throw new ArgumentException("States of different sizes.", nameof(other));
        double re = 0, im = 0;
        double* a = Data, b = other.Data;
        for (long i = 0; i < 2 * Length; i += 2)
        {
            re += a[i] * b[i] + a[i + 1] * b[i + 1];
            im += a[i] * b[i + 1] - a[i + 1] * b[i];
        }
        return new Complex(re, im);
    }

    /// <summary>The squared 2-norm Σ|ψᵢ|² (1 for a valid state).</summary>
    public double NormSquared()
    {
        double sum = 0;
        double* a = Data;
        for (long i = 0; i < 2 * Length; i++) sum += a[i] * a[i];
        return sum;
    }

    /// <summary>Frees the amplitude memory.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the memory if the owner forgot to dispose.</summary>
    ~StateVector() => Free();

    private void Free()
    {
        var p = _data;
        _data = null;
        if (p != null)
        {
            NativeMemory.AlignedFree(p);
            GC.RemoveMemoryPressure(Length * 16);
        }
    }
}
