using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Hanzo.Qml.Server.Tests;

internal static class JobPolling
{
    /// <summary>Polls <paramref name="url"/> until the job's status is final; fails the test after <paramref name="timeoutSeconds"/>.</summary>
    public static async Task<JsonElement> UntilFinal(this HttpClient client, string url, double timeoutSeconds = 120)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var job = await response.Json();
            var status = job.GetProperty("status").GetString();
            if (status is "succeeded" or "failed" or "cancelled") return job;
            Assert.True(clock.Elapsed.TotalSeconds < timeoutSeconds, $"job at {url} still {status} after {timeoutSeconds} s");
            await Task.Delay(50);
        }
    }
}
