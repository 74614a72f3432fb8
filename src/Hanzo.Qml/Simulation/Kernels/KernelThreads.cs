using System.Runtime.CompilerServices;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// A persistent team of worker threads that splits one kernel pass over an index range. Parallel.For costs a few
/// microseconds per pass and allocates a closure; a 16-qubit gate pass takes about 5 µs, so the dispatch must be
/// cheaper than that. Workers spin briefly between passes (gates arrive back to back) and then sleep.
/// Kernels pass a static function pointer and a pointer to their arguments on the caller's stack: no allocation.
/// </summary>
internal static unsafe class KernelThreads
{
    private static readonly object Gate = new();
    private static readonly object Sleep = new();
    private static readonly int WorkerCount = Math.Max(0, Environment.ProcessorCount - 1);
    private static Thread[]? _workers;
    private static volatile int _generation;
    private static int _sleepers;
    private static delegate*<void*, long, long, void> _body;
    private static void* _args;
    private static long _count;
    private static long _chunk;
    private static int _pending;

    /// <summary>Number of threads a pass can use (workers + caller).</summary>
    public static int Width => WorkerCount + 1;

    /// <summary>Largest thread count kernels may use; set to 1 to force single-threaded passes (benchmarks, tests).</summary>
    public static int MaxThreads { get; set; } = int.MaxValue;

    /// <summary>
    /// Runs <paramref name="body"/>(args, start, end) over [0, count) split into equal parts that are multiples of
    /// <paramref name="grain"/>. Runs inline when one thread is asked for, when count is small, or when another
    /// pass already owns the team (concurrent callers never wait on each other).
    /// </summary>
    public static void Run(delegate*<void*, long, long, void> body, void* args, long count, long grain, bool parallel)
    {
        // Every worker takes part in every pass, so none can lag a generation behind; a thread cap below the team
        // size therefore runs the pass inline.
        int parts = Width;
        if (!parallel || parts <= 1 || MaxThreads < parts || count < 2 * grain || !Monitor.TryEnter(Gate))
        {
            body(args, 0, count);
            return;
        }
        try
        {
            EnsureStarted();
            long chunk = (count + parts - 1) / parts;
            chunk = (chunk + grain - 1) / grain * grain;
            _body = body;
            _args = args;
            _count = count;
            _chunk = chunk;
            Volatile.Write(ref _pending, parts - 1);
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (Sleep) Monitor.PulseAll(Sleep);
            body(args, 0, Math.Min(chunk, count));
            var spin = new SpinWait();
            while (Volatile.Read(ref _pending) > 0) spin.SpinOnce(-1);
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void EnsureStarted()
    {
        if (_workers is not null) return;
        var ws = new Thread[WorkerCount];
        // A worker that starts after the first pass was published must still see it: it begins from the generation
        // current now, before the caller increments it.
        int generation = _generation;
        for (int i = 0; i < ws.Length; i++)
        {
            int part = i + 1;
            ws[i] = new Thread(() => WorkerLoop(part, generation)) { IsBackground = true, Name = $"hanzo-qml-kernel-{part}" };
            ws[i].Start();
        }
        _workers = ws;
    }

    private static void WorkerLoop(int part, int seen)
    {
        while (true)
        {
            int spins = 0;
            while (_generation == seen)
            {
                if (++spins < 20000) { Thread.SpinWait(20); continue; }
                lock (Sleep)
                {
                    Interlocked.Increment(ref _sleepers);
                    while (_generation == seen) Monitor.Wait(Sleep);
                    Interlocked.Decrement(ref _sleepers);
                }
            }
            seen = _generation;
            Execute(part);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Execute(int part)
    {
        long start = Math.Min(_count, part * _chunk);
        long end = Math.Min(_count, start + _chunk);
        if (start < end) _body(_args, start, end);
        Interlocked.Decrement(ref _pending);
    }
}
