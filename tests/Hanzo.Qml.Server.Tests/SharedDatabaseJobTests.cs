using System.Net;
using System.Net.Http.Json;

namespace Hanzo.Qml.Server.Tests;

/// <summary>
/// Two servers on one database, each with its own job workers, as several processes behind a load balancer: every job
/// is claimed by exactly one worker (one start each), and all of them finish.
/// </summary>
public abstract class SharedDatabaseJobTests(DatabaseKind kind)
{
    [SkippableFact]
    public async Task Two_servers_on_one_database_never_run_the_same_job_twice()
    {
        using var first = new ServerFactory(kind: kind).With("Jobs:Workers", "2");
        using var api1 = first.Api();
        Assert.Equal(HttpStatusCode.OK, (await api1.GetAsync("/v1/health")).StatusCode);
        using var second = new ServerFactory(first).With("Jobs:Workers", "2");
        using var api2 = second.Api();
        Assert.Equal(HttpStatusCode.OK, (await api2.GetAsync("/v1/health")).StatusCode);

        var ids = new List<string>();
        for (int i = 0; i < 16; i++)
        {
            var client = i % 2 == 0 ? api1 : api2;
            var response = await client.PostAsJsonAsync("/v1/qaoa", new { graph = "random:8:3", p = 1, seed = i, max_iter = 40 });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Json()).GetProperty("id").GetString()!);
        }
        foreach (var id in ids)
        {
            var job = await api1.UntilFinal($"/v1/jobs/{id}", 120);
            Assert.Equal("succeeded", job.GetProperty("status").GetString());
            Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        }
    }
}

public sealed class SharedDatabaseJobTestsOnSqlite() : SharedDatabaseJobTests(DatabaseKind.Sqlite);

public sealed class SharedDatabaseJobTestsOnPostgres() : SharedDatabaseJobTests(DatabaseKind.Postgres);
