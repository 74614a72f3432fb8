using System.Runtime.ExceptionServices;
using Hanzo.Qml.Simulation;

namespace Hanzo.Qml.Kernels;

/// <summary>
/// Prepares the encoded states of many samples on all cores: groups of consecutive samples go to worker threads, each
/// with its own states and scratch tables, so every state is simulated exactly once and no thread waits on another.
/// </summary>
internal static class StateBatch
{
    /// <summary>Delegate receiving a group: its first sample index, the prepared states and how many are valid.</summary>
    public delegate void GroupConsumer(int first, StateVector[] states, int count);

    /// <summary>Bytes of working states the batch holds at once (for the memory-budget check).</summary>
    public static long WorkingBytes(int numQubits, int groupSize, int samples) =>
        StateVector.BytesFor(numQubits) * groupSize * Math.Max(1, Math.Min(Environment.ProcessorCount, (samples + groupSize - 1) / groupSize));

    /// <summary>
    /// Prepares every row of <paramref name="rows"/> and hands them to <paramref name="consume"/> in groups of
    /// <paramref name="groupSize"/> (the last group may be short). <paramref name="onGroupDone"/> runs after each group.
    /// </summary>
    public static void Run(EncodingProgram program, IReadOnlyList<double[]> rows, int groupSize, SimulatorOptions options,
        GroupConsumer consume, Action? onGroupDone, CancellationToken cancellationToken)
    {
        int groups = (rows.Count + groupSize - 1) / groupSize;
        if (groups == 0) return;
        var po = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, groups, po,
                () => (States: NewStates(program.NumQubits, groupSize, options), Scratch: new DiagonalBlock.Scratch()),
                (g, _, local) =>
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    int first = (int)g * groupSize;
                    int count = Math.Min(groupSize, rows.Count - first);
                    for (int i = 0; i < count; i++) program.Prepare(local.States[i], rows[first + i], local.Scratch);
                    consume(first, local.States, count);
                    onGroupDone?.Invoke();
                    return local;
                },
                local => { foreach (var s in local.States) s.Dispose(); });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
    }

    private static StateVector[] NewStates(int numQubits, int count, SimulatorOptions options)
    {
        var states = new StateVector[count];
        for (int i = 0; i < count; i++) states[i] = StateVector.Zero(numQubits, options);
        return states;
    }
}
