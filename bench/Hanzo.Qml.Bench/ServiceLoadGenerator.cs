using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Hanzo.Qml.Bench;

/// <summary>What one closed-loop run measured.</summary>
/// <param name="Connections">Concurrent connections (one outstanding request each).</param>
/// <param name="Ok">Requests answered 200.</param>
/// <param name="Errors">Requests answered otherwise, or failed on the wire.</param>
/// <param name="Seconds">Wall time from the first send to the last answer.</param>
/// <param name="CpuCores">Process CPU time over wall time: generator and server together, out of <see cref="Environment.ProcessorCount"/>.</param>
/// <param name="SortedTicks">Latencies of the 200 answers in <see cref="Stopwatch"/> ticks, ascending.</param>
/// <param name="Unrecorded">200 answers beyond the latency buffer (counted in <paramref name="Ok"/>, not in the percentiles).</param>
internal sealed record ServiceLoadResult(int Connections, long Ok, long Errors, double Seconds, double CpuCores, long[] SortedTicks, long Unrecorded)
{
    /// <summary>Answered-200 requests per second.</summary>
    public double Throughput => Ok / Seconds;

    /// <summary>Nearest-rank percentile in milliseconds (<paramref name="p"/> in 0..1); NaN without samples.</summary>
    /// <param name="p">The fraction, e.g. 0.99.</param>
    public double Percentile(double p)
    {
        if (SortedTicks.Length == 0) return double.NaN;
        int rank = Math.Clamp((int)Math.Ceiling(p * SortedTicks.Length) - 1, 0, SortedTicks.Length - 1);
        return SortedTicks[rank] * 1e3 / Stopwatch.Frequency;
    }
}

/// <summary>
/// Closed-loop load: N workers over an HttpClient limited to N pooled connections; each worker sends its next request
/// the moment the previous one is answered, until the deadline. Bodies are serialised before the run, so the loop's
/// own work is the HTTP call and one timestamp pair.
/// </summary>
internal sealed class ServiceLoadGenerator : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _client;
    private readonly Uri _target;
    private readonly byte[][] _bodies;
    private readonly int _connections;

    /// <summary>A generator of <paramref name="connections"/> connections posting <paramref name="bodies"/> in turn to <paramref name="target"/>.</summary>
    /// <param name="apiKey">Sent as X-API-Key when the server requires one.</param>
    public ServiceLoadGenerator(Uri target, byte[][] bodies, int connections, string? apiKey = null)
    {
        _target = target;
        _bodies = bodies;
        _connections = connections;
        _client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (apiKey is not null) _client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
    }

    /// <summary>Runs for <paramref name="duration"/> and returns the measurements (<paramref name="capacity"/> latencies at most).</summary>
    public async Task<ServiceLoadResult> RunAsync(TimeSpan duration, int capacity)
    {
        var ticks = new long[capacity];
        int next = -1;
        long ok = 0, errors = 0;
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        long end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Worker(int w)
        {
            int i = w * 97 % _bodies.Length;
            while (true)
            {
                long t0 = Stopwatch.GetTimestamp();
                if (t0 >= end) return;
                using var content = new ByteArrayContent(_bodies[i]);
                content.Headers.ContentType = Json;
                if (++i == _bodies.Length) i = 0;
                try
                {
                    // PostAsync buffers the answer before it returns, so the latency includes reading the body.
                    using var response = await _client.PostAsync(_target, content).ConfigureAwait(false);
                    long elapsed = Stopwatch.GetTimestamp() - t0;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        continue;
                    }
                    Interlocked.Increment(ref ok);
                    int slot = Interlocked.Increment(ref next);
                    if (slot < ticks.Length) ticks[slot] = elapsed;
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }

        var workers = new Task[_connections];
        for (int w = 0; w < workers.Length; w++)
        {
            int worker = w;
            workers[w] = Task.Run(() => Worker(worker));
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds / seconds;

        int recorded = (int)Math.Min(ok, ticks.Length);
        Array.Sort(ticks, 0, recorded);
        return new ServiceLoadResult(_connections, ok, errors, seconds, cpu, ticks[..recorded], ok - recorded);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
