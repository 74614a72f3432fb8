namespace Hanzo.Qml.Simulation;

/// <summary>Thrown when a statevector would not fit in the simulator's memory budget; nothing was allocated.</summary>
public sealed class StateTooLargeException : InvalidOperationException
{
    /// <summary>Creates the exception with a message that gives the sizes.</summary>
    public StateTooLargeException(int numQubits, long count, long requiredBytes, long budgetBytes)
        : base(Describe(numQubits, count, requiredBytes, budgetBytes))
    {
        NumQubits = numQubits;
        RequiredBytes = requiredBytes;
        BudgetBytes = budgetBytes;
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public StateTooLargeException(string message) : base(message) { }

    /// <summary>Creates the exception with a custom message and cause.</summary>
    public StateTooLargeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates an empty exception.</summary>
    public StateTooLargeException() { }

    /// <summary>Qubits of the refused state.</summary>
    public int NumQubits { get; }

    /// <summary>Bytes the request needed.</summary>
    public long RequiredBytes { get; }

    /// <summary>Bytes the budget allowed.</summary>
    public long BudgetBytes { get; }

    internal static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):0.###} GiB";

    private static string Describe(int n, long count, long required, long budget) =>
        (count == 1
            ? $"A {n}-qubit statevector needs {Gib(required)} (16 bytes × 2^{n} complex128 amplitudes)"
            : $"{count} statevectors of {n} qubits need {Gib(required)} (16 bytes × 2^{n} each)")
        + $"; the simulator's memory budget is {Gib(budget)}. Use fewer qubits (each one fewer halves the memory), a smaller batch, or raise SimulatorOptions.MemoryBudgetBytes if the machine has the memory.";
}
