using System.Net;
using System.Net.Http.Json;

namespace Hanzo.Qml.Server.Tests;

public sealed class AuthApiKeyTests : IDisposable
{
    private readonly AuthServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly object Kernel = new { encoding = "iqp", n_qubits = 2 };

    [Fact]
    public async Task X_API_Key_header_authenticates_as_its_organisation()
    {
        using var client = _factory.KeyClient("org-a");
        var body = await (await client.GetAsync("/v1/budget")).Json();
        Assert.Equal("org-a", body.GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task Bearer_API_key_authenticates_as_its_organisation()
    {
        using var client = _factory.WithBearer(_factory.ApiKey("org-b"));
        var response = await client.GetAsync("/v1/budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("org-b", (await response.Json()).GetProperty("organisation").GetString());
    }

    [Fact]
    public async Task Kernel_made_with_a_key_is_visible_to_a_JWT_of_the_same_organisation()
    {
        using var key = _factory.KeyClient("org-a");
        using var jwt = _factory.Client("org-a");
        var id = await key.CreateKernel(Kernel);
        Assert.Equal(HttpStatusCode.OK, (await jwt.GetAsync($"/v1/kernels/{id}")).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Unknown_key_is_401_without_echoing_it(bool asHeader)
    {
        var unknown = AuthTestTokens.RandomSecret(40);
        using var client = asHeader ? _factory.Anonymous() : _factory.WithBearer(unknown);
        if (asHeader) client.DefaultRequestHeaders.Add("X-API-Key", unknown);
        var response = await client.PostAsJsonAsync("/v1/kernels", Kernel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("Unknown API key", text, StringComparison.Ordinal);
        Assert.DoesNotContain(unknown, text, StringComparison.Ordinal);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_differing_in_its_last_character_is_refused()
    {
        var key = _factory.ApiKey("org-a");
        var near = key[..^1] + (key[^1] == 'A' ? 'B' : 'A');
        using var client = _factory.WithBearer(near);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/budget")).StatusCode);
    }

    [Fact]
    public async Task Server_with_keys_only_refuses_JWTs_and_accepts_keys()
    {
        using var factory = new AuthServerFactory(jwt: false, apiKeyOrganisations: ["solo"]);
        using var withJwt = factory.WithBearer(AuthTestTokens.Jwt("solo", factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience));
        Assert.Equal(HttpStatusCode.Unauthorized, (await withJwt.GetAsync("/v1/budget")).StatusCode);
        using var withKey = factory.KeyClient("solo");
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync("/v1/budget")).StatusCode);
    }

    [Fact]
    public async Task Server_with_JWT_only_says_it_takes_no_API_keys()
    {
        using var factory = new AuthServerFactory(apiKeyOrganisations: []);
        using var client = factory.Anonymous();
        client.DefaultRequestHeaders.Add("X-API-Key", AuthTestTokens.RandomSecret(40));
        var response = await client.GetAsync("/v1/budget");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("accepts no API keys", (await response.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var jwt = factory.Client("org-a");
        Assert.Equal(HttpStatusCode.OK, (await jwt.GetAsync("/v1/budget")).StatusCode);
    }
}
