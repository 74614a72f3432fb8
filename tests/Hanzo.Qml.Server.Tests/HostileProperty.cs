using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Runs a request generator as an FsCheck property against a <see cref="HostileServer"/>: a fixed seed per property so
/// every run sends the same requests (change the seed to explore, or paste the one from a failure to replay it), no
/// shrinking (each try is an HTTP round trip; the failing request is printed whole instead).
/// </summary>
internal static class HostileProperty
{
    public static async Task Run(HostileServer server, ITestOutputHelper output, Gen<HostileRequest> requests, int maxTest, ulong seed)
    {
        int before = server.Requests, cases = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var clock = Stopwatch.StartNew();
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        // FsCheck runs the property synchronously; off the test's synchronization context, blocking on the request is safe.
        await Task.Run(() => Check.One(config, Prop.ForAll(Arb.From(requests), (HostileRequest r) =>
        {
            Interlocked.Increment(ref cases);
            statuses.AddOrUpdate(server.SendAsync(r).GetAwaiter().GetResult(), 1, (_, n) => n + 1);
        })));
        output.WriteLine($"{cases} generated requests, {server.Requests - before} requests in all (health checks and cancellations included), {clock.Elapsed.TotalSeconds:0.0} s, seed {seed}");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => $"{p.Key}×{p.Value}")));
    }
}
