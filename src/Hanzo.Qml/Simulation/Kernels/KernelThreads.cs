using System.Runtime.CompilerServices;

namespace Hanzo.Qml.Simulation.Kernels;

/// <summary>
/// A persistent team of worker threads that splits one kernel pass over an index range. Parallel.For costs a few
/// microseconds per pass and allocates a closure; a 16-qubit gate pass takes about 5 µs, so dispatch must be cheaper.
/// Kernels pass a static function pointer and a pointer to their arguments on the caller's stack: no allocation.
/// <para>
/// Work is split into a few more chunks than threads and claimed from a shared counter, so a worker that the OS has
/// descheduled (the machine is shared) never holds up the pass: the caller and the running workers take its chunks.
/// The counter word carries the pass's generation in its high half; a claim succeeds only while its generation is
/// current, so a late worker can never run a chunk of one pass with the arguments of another.
/// </para>
/// </summary>
internal static unsafe class KernelThreads
{
    private static readonly object Gate = new();
    private static readonly object Sleep = new();
    private static readonly int WorkerCount = Math.Max(0, Environment.ProcessorCount - 1);
    private static Thread[]? _workers;
    private static long _state;          // (generation << 32) | next chunk to claim
    private static int _sleepers;
    private static int _completed;
    private static delegate*<void*, long, long, void> _body;
    private static void* _args;
    private static long _count;
    private static long _chunk;
    private static int _parts;

    /// <summary>Number of threads a pass can use (workers + caller).</summary>
    public static int Width => WorkerCount + 1;

    /// <summary>Largest thread count kernels may use; 1 forces single-threaded passes (benchmarks, tests).</summary>
    public static int MaxThreads { get; set; } = int.MaxValue;

    /// <summary>
    /// Runs <paramref name="body"/>(args, start, end) over [0, count) in chunks that are multiples of
    /// <paramref name="grain"/>. Runs inline when one thread is asked for, when count is small, or when another
    /// pass already owns the team (concurrent callers never wait on each other).
    /// </summary>
    public static void Run(delegate*<void*, long, long, void> body, void* args, long count, long grain, bool parallel)
    {
        if (!parallel || Width <= 1 || MaxThreads <= 1 || count < 2 * grain || !Monitor.TryEnter(Gate))
        {
            body(args, 0, count);
            return;
        }
        try
        {
            EnsureStarted();
            int parts = (int)Math.Min(4L * Width, count / grain);
            long chunk = (count + parts - 1) / parts;
            chunk = (chunk + grain - 1) / grain * grain;
            parts = (int)((count + chunk - 1) / chunk);
            _body = body;
            _args = args;
            _count = count;
            _chunk = chunk;
            _parts = parts;
            Volatile.Write(ref _completed, 0);
            long generation = (Volatile.Read(ref _state) >> 32) + 1;
            Interlocked.Exchange(ref _state, generation << 32);
            if (Volatile.Read(ref _sleepers) > 0)
                lock (Sleep) Monitor.PulseAll(Sleep);
            ClaimAndRun((int)generation);
            var spin = new SpinWait();
            while (Volatile.Read(ref _completed) < parts) spin.SpinOnce(-1);
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ClaimAndRun(int generation)
    {
        while (true)
        {
            long st = Volatile.Read(ref _state);
            if ((int)(st >> 32) != generation) return;
            int index = (int)st;
            if (index >= _parts) return;
            // Read the pass's arguments before claiming: a successful claim proves they belong to this generation,
            // because the caller rewrites them only after every chunk of the pass has completed.
            var body = _body;
            var args = _args;
            long count = _count, chunk = _chunk;
            if (Interlocked.CompareExchange(ref _state, st + 1, st) != st) continue;
            long start = index * chunk;
            long end = Math.Min(count, start + chunk);
            if (start < end) body(args, start, end);
            Interlocked.Increment(ref _completed);
        }
    }

    private static void EnsureStarted()
    {
        if (_workers is not null) return;
        var ws = new Thread[WorkerCount];
        int current = (int)(Volatile.Read(ref _state) >> 32);
        for (int i = 0; i < ws.Length; i++)
        {
            ws[i] = new Thread(() => WorkerLoop(current)) { IsBackground = true, Name = $"hanzo-qml-kernel-{i + 1}" };
            ws[i].Start();
        }
        _workers = ws;
    }

    private static void WorkerLoop(int seen)
    {
        while (true)
        {
            int spins = 0;
            while ((int)(Volatile.Read(ref _state) >> 32) == seen)
            {
                // Gates arrive back to back: spin briefly before sleeping so the next pass starts at once.
                if (++spins < 20000) { Thread.SpinWait(20); continue; }
                lock (Sleep)
                {
                    Interlocked.Increment(ref _sleepers);
                    while ((int)(Volatile.Read(ref _state) >> 32) == seen) Monitor.Wait(Sleep);
                    Interlocked.Decrement(ref _sleepers);
                }
            }
            seen = (int)(Volatile.Read(ref _state) >> 32);
            ClaimAndRun(seen);
        }
    }
}
