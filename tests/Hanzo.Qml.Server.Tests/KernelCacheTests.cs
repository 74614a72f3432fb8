using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Hanzo.Qml.Server.Security;
using Hanzo.Qml.Server.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hanzo.Qml.Server.Tests;

/// <summary>The kernel-definition cache keeps organisations apart, at the unit level and through the routes.</summary>
public sealed class KernelCacheTests
{
    private const string OrganisationHeader = "X-Test-Organisation";

    [Fact]
    public async Task A_second_lookup_by_the_same_organisation_is_served_from_memory()
    {
        var store = new CountingStore(Definition("k_1", "org-a"));
        var cache = new KernelCache();

        var first = await cache.FindAsync(store.Services, "org-a", "k_1");
        var second = await cache.FindAsync(store.Services, "org-a", "k_1");

        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Equal(1, store.Reads);
    }

    [Fact]
    public async Task Another_organisation_never_gets_a_cached_definition()
    {
        var store = new CountingStore(Definition("k_1", "org-a"));
        var cache = new KernelCache();
        Assert.NotNull(await cache.FindAsync(store.Services, "org-a", "k_1"));

        Assert.Null(await cache.FindAsync(store.Services, "org-b", "k_1"));
        Assert.Null(await cache.FindAsync(store.Services, Organisation.Local, "k_1"));
        // Both foreign lookups went to the store (which filters by organisation) instead of the cached entry.
        Assert.Equal(3, store.Reads);
        Assert.NotNull(await cache.FindAsync(store.Services, "org-a", "k_1"));
    }

    [Fact]
    public async Task A_store_answer_for_another_organisation_is_refused_and_not_kept()
    {
        var store = new CountingStore(Definition("k_1", "org-a")) { IgnoresOrganisation = true };
        var cache = new KernelCache();

        Assert.Null(await cache.FindAsync(store.Services, "org-b", "k_1"));
        Assert.Null(await cache.FindAsync(store.Services, "org-b", "k_1"));
        Assert.Equal(2, store.Reads);
    }

    [Fact]
    public async Task A_miss_is_not_kept_so_a_definition_stored_later_is_found()
    {
        var store = new CountingStore();
        var cache = new KernelCache();
        Assert.Null(await cache.FindAsync(store.Services, "org-a", "k_1"));

        store.Add(Definition("k_1", "org-a"));

        Assert.NotNull(await cache.FindAsync(store.Services, "org-a", "k_1"));
    }

    [Fact]
    public async Task Through_the_routes_a_kernel_read_by_its_organisation_stays_404_for_another()
    {
        // Organisations come from the principal; a test-only middleware sets one from a header, as the auth layer will.
        using var factory = new ServerFactory();
        using var server = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddTransient<IStartupFilter, OrganisationFromHeader>()));
        using var orgA = Client(server, "org-a");
        using var orgB = Client(server, "org-b");
        using var local = server.CreateClient(new() { BaseAddress = new Uri("http://localhost:8072") });

        var id = await orgA.CreateKernel(new { encoding = "iqp", n_qubits = 2, reps = 1 });
        var pair = new { x = new[] { 0.1, 0.2 }, z = new[] { 0.3, 0.4 } };
        // Twice, so the second answer comes from the cache entry of org-a.
        Assert.Equal(HttpStatusCode.OK, (await orgA.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", pair)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await orgA.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", pair)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await orgB.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", pair)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await orgB.GetAsync($"/v1/kernels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await orgB.PostAsJsonAsync($"/v1/kernels/{id}/matrix", new { x = new[] { pair.x } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await local.PostAsJsonAsync($"/v1/kernels/{id}/evaluate", pair)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await orgA.GetAsync($"/v1/kernels/{id}")).StatusCode);
    }

    private static HttpClient Client(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> server, string organisation)
    {
        var client = server.CreateClient(new() { BaseAddress = new Uri("http://localhost:8072") });
        client.DefaultRequestHeaders.Add(OrganisationHeader, organisation);
        return client;
    }

    private static KernelDefinition Definition(string id, string organisation) => new()
    {
        Id = id,
        OrganisationId = organisation,
        Encoding = "iqp",
        NumQubits = 2,
        Reps = 1,
        Rotation = "x",
        Entanglement = "full",
        Paulis = "Z,ZZ",
        CreatedAt = DateTime.UtcNow,
    };

    /// <summary>An in-memory store that counts reads; optionally buggy (ignores the organisation filter).</summary>
    private sealed class CountingStore : IKernelStore
    {
        private readonly List<KernelDefinition> _definitions;

        public CountingStore(params KernelDefinition[] definitions)
        {
            _definitions = [.. definitions];
            Services = new ServiceCollection().AddSingleton<IKernelStore>(this).BuildServiceProvider();
        }

        public IServiceProvider Services { get; }

        public int Reads { get; private set; }

        public bool IgnoresOrganisation { get; init; }

        public void Add(KernelDefinition definition) => _definitions.Add(definition);

        public Task AddAsync(KernelDefinition definition, CancellationToken cancellationToken = default)
        {
            Add(definition);
            return Task.CompletedTask;
        }

        public Task<KernelDefinition?> FindAsync(string organisationId, string id, CancellationToken cancellationToken = default)
        {
            Reads++;
            return Task.FromResult(_definitions.FirstOrDefault(d => d.Id == id && (IgnoresOrganisation || d.OrganisationId == organisationId)));
        }
    }

    /// <summary>Sets an authenticated principal with the organisation named in <see cref="OrganisationHeader"/>.</summary>
    private sealed class OrganisationFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(OrganisationHeader, out var organisation))
                    context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Organisation.ClaimType, organisation.ToString())], "test"));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
