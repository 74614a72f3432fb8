using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hanzo.Qml.Bench;

/// <summary>
/// Section <c>service</c>: throughput and latency of <c>POST /v1/kernels/{id}/evaluate</c> on the real server over
/// loopback sockets, closed loop, bounded in time; verdict against the target of ≥ 1000 requests/s with p99 &lt; 20 ms.
/// </summary>
internal static class ServiceLoadBenchmark
{
    private const double TargetThroughput = 1000, TargetP99Ms = 20;
    private const int DistinctBodies = 1024;

    public static void Run(string[] args)
    {
        ServiceLoadOptions options;
        try
        {
            options = ServiceLoadOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 2;
            return;
        }
        try
        {
            RunAsync(options).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException e)
        {
            // The server refused the kernel or the sample body (e.g. an unknown encoding): its problem detail says why.
            Console.Error.WriteLine(e.Message);
            Environment.ExitCode = 1;
        }
    }

    private static async Task RunAsync(ServiceLoadOptions o)
    {
        Console.WriteLine();
        Console.WriteLine($"(service) POST /v1/kernels/{{id}}/evaluate, {o.Encoding} kernel on {o.Qubits} qubits (reps 2), real Kestrel on loopback, SQLite, closed loop");
        Console.WriteLine($"          load generator and server share this process and its {Environment.ProcessorCount} cores: the generator's CPU is taken from the server's");
        Console.WriteLine($"          server log level {o.ServerLogLevel}; latency = send to body fully read, per request, 200 answers only; throughput counts 200 answers");

        string? key = o.ApiKey ? Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)) : null;
        Console.WriteLine(key is null ? "          no authentication (loopback only)" : "          every request authenticated with an API key (X-API-Key)");
        await using var host = await ServiceLoadHost.StartAsync(o.ServerLogLevel, key);
        var (evaluate, features) = await CreateKernelAsync(host.BaseAddress, o, key);
        var bodies = Bodies(features);
        await CheckOneAsync(evaluate, bodies[0], key);

        using (var warm = new ServiceLoadGenerator(evaluate, bodies, o.Connections, key))
            await warm.RunAsync(TimeSpan.FromSeconds(o.WarmupSeconds), 1 << 20);

        Console.WriteLine($"  {"conns",5} {"seconds",7} {"requests",9} {"errors",6} {"req/s",8} {"p50 ms",7} {"p90 ms",7} {"p99 ms",7} {"p99.9 ms",8} {"max ms",7} {"cpu cores",9}");
        ServiceLoadResult main;
        using (var generator = new ServiceLoadGenerator(evaluate, bodies, o.Connections, key))
            main = await generator.RunAsync(TimeSpan.FromSeconds(o.Seconds), Capacity(o.Seconds));
        Print(main);
        bool met = main.Throughput >= TargetThroughput && main.Percentile(0.99) < TargetP99Ms && main.Errors == 0;
        var why = new List<string>();
        if (main.Throughput < TargetThroughput) why.Add($"{main.Throughput:F0} req/s < {TargetThroughput:F0}");
        if (!(main.Percentile(0.99) < TargetP99Ms)) why.Add($"p99 {main.Percentile(0.99):F2} ms ≥ {TargetP99Ms:F0} ms");
        if (main.Errors > 0) why.Add($"{main.Errors} errors");
        Console.WriteLine($"  target ≥ {TargetThroughput:F0} req/s and p99 < {TargetP99Ms:F0} ms at {o.Connections} connections: "
            + (met ? $"MET ({main.Throughput:F0} req/s, p99 {main.Percentile(0.99):F2} ms)" : $"MISSED ({string.Join("; ", why)})"));
        if (main.Unrecorded > 0) Console.WriteLine($"  ({main.Unrecorded} answers beyond the latency buffer are counted but not in the percentiles)");

        if (o.Sweep.Length == 0) return;
        Console.WriteLine($"  connection sweep, {o.SweepSeconds} s each after 0.5 s of warm-up at that count:");
        foreach (int c in o.Sweep)
        {
            using var generator = new ServiceLoadGenerator(evaluate, bodies, c, key);
            await generator.RunAsync(TimeSpan.FromSeconds(0.5), 1 << 20);
            Print(await generator.RunAsync(TimeSpan.FromSeconds(o.SweepSeconds), Capacity(o.SweepSeconds)));
        }
    }

    // Room for 200k answers a second, far above what two cores serve; an overflow is reported, not hidden.
    private static int Capacity(double seconds) => (int)Math.Min(int.MaxValue / 2, seconds * 200_000);

    private static void Print(ServiceLoadResult r) => Console.WriteLine(
        $"  {r.Connections,5} {r.Seconds,7:F2} {r.Ok,9} {r.Errors,6} {r.Throughput,8:F0} {r.Percentile(0.5),7:F2} {r.Percentile(0.9),7:F2} "
        + $"{r.Percentile(0.99),7:F2} {r.Percentile(0.999),8:F2} {r.Percentile(1),7:F2} {r.CpuCores,9:F2}");

    private static async Task<(Uri Evaluate, int Features)> CreateKernelAsync(Uri baseAddress, ServiceLoadOptions o, string? key)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        if (key is not null) client.DefaultRequestHeaders.Add("X-API-Key", key);
        using var response = await client.PostAsJsonAsync("v1/kernels", new Dictionary<string, object> { ["encoding"] = o.Encoding, ["n_qubits"] = o.Qubits, ["reps"] = 2 });
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"POST /v1/kernels answered {(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        var id = doc.RootElement.GetProperty("id").GetString()!;
        return (new Uri(baseAddress, $"v1/kernels/{id}/evaluate"), doc.RootElement.GetProperty("n_features").GetInt32());
    }

    // One request outside the measurement proves the bodies are accepted and the answer is a fidelity, so a run of
    // fast error answers cannot pass for throughput.
    private static async Task CheckOneAsync(Uri evaluate, byte[] body, string? key)
    {
        using var client = new HttpClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-API-Key", key);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(evaluate, content);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"evaluate answered {(int)response.StatusCode}: {text}");
        using var doc = JsonDocument.Parse(text);
        double value = doc.RootElement.GetProperty("value").GetDouble();
        if (!(value is >= -1e-9 and <= 1 + 1e-9))
            throw new InvalidOperationException($"evaluate answered a value outside [0, 1]: {text}");
    }

    private static byte[][] Bodies(int features)
    {
        var rng = new Random(1);
        var bodies = new byte[DistinctBodies][];
        for (int b = 0; b < bodies.Length; b++)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var name in new[] { "x", "z" })
                {
                    writer.WriteStartArray(name);
                    for (int i = 0; i < features; i++) writer.WriteNumberValue(rng.NextDouble() * Math.PI);
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }
            bodies[b] = stream.ToArray();
        }
        return bodies;
    }
}
