namespace Hanzo.Qml.Simulation;

/// <summary>Settings of the statevector simulator.</summary>
public sealed record SimulatorOptions
{
    /// <summary>The defaults: fusion on, threads from 14 qubits, a memory budget of 80 % of the memory the process may use.</summary>
    public static SimulatorOptions Default { get; } = new();

    /// <summary>
    /// Largest number of bytes the simulator may allocate for statevectors at once. Null means 80 % of the memory
    /// available to this process (<see cref="GC.GetGCMemoryInfo()"/>), which admits a 30-qubit state (16 GiB) on a 24 GiB machine.
    /// </summary>
    public long? MemoryBudgetBytes { get; init; }

    /// <summary>States of at least this many qubits are updated by all cores; smaller ones by the calling thread.</summary>
    public int ParallelThresholdQubits { get; init; } = 14;

    /// <summary>Merge consecutive single-qubit gates on the same wire into one pass.</summary>
    public bool FuseSingleQubitGates { get; init; } = true;

    /// <summary>The budget in force: <see cref="MemoryBudgetBytes"/> or the default derived from the machine.</summary>
    public long EffectiveMemoryBudget => MemoryBudgetBytes ?? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * 0.8);
}
