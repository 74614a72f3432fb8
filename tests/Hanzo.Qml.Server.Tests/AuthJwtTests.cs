using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Tests;

public sealed class AuthJwtTests : IDisposable
{
    private readonly AuthServerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    private static readonly object Kernel = new { encoding = "iqp", n_qubits = 2 };

    /// <summary>Sends a kernel creation with <paramref name="token"/>, asserts a 401 problem that names <paramref name="expected"/> and does not echo the token.</summary>
    private async Task<string> AssertRefused(string? token, string expected, Action<HttpRequestMessage>? configure = null)
    {
        using var client = _factory.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/kernels") { Content = JsonContent.Create(Kernel) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var detail = (await response.Json()).GetProperty("detail").GetString()!;
        Assert.Contains(expected, detail, StringComparison.Ordinal);
        if (token is not null)
        {
            Assert.DoesNotContain(token, body, StringComparison.Ordinal);
            Assert.DoesNotContain(token, response.Headers.ToString(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(_factory.JwtKey, body, StringComparison.Ordinal);
        return detail;
    }

    [Fact]
    public async Task Valid_token_creates_and_reads_a_kernel()
    {
        using var client = _factory.Client("org-a");
        var id = await client.CreateKernel(Kernel);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/v1/kernels/{id}")).StatusCode);
    }

    [Fact]
    public Task Missing_credentials_are_401_and_say_what_to_send() =>
        AssertRefused(null, "Authorization: Bearer <token>");

    [Fact]
    public async Task Missing_credentials_have_a_bare_Bearer_challenge()
    {
        using var client = _factory.Anonymous();
        var response = await client.GetAsync("/v1/kernels/k_x");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public Task Basic_scheme_is_refused() =>
        AssertRefused(null, "must use the Bearer scheme", r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz"));

    [Fact]
    public Task Wrong_signature_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt("org-a", AuthTestTokens.RandomSecret(48), AuthServerFactory.Issuer, AuthServerFactory.Audience), "signature does not verify");

    [Fact]
    public Task Expired_token_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience, expires: DateTime.UtcNow.AddMinutes(-5)), "expired");

    [Fact]
    public Task Token_not_yet_valid_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience,
            expires: DateTime.UtcNow.AddHours(2), notBefore: DateTime.UtcNow.AddHours(1)), "not valid before");

    [Fact]
    public async Task Token_within_the_clock_skew_is_accepted()
    {
        var token = AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience, expires: DateTime.UtcNow.AddSeconds(-5));
        using var client = _factory.WithBearer(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/budget")).StatusCode);
    }

    [Fact]
    public async Task Wrong_issuer_is_refused_and_the_expected_one_named()
    {
        var detail = await AssertRefused(AuthTestTokens.Jwt("org-a", _factory.JwtKey, "https://evil.test", AuthServerFactory.Audience), "issuer");
        Assert.Contains(AuthServerFactory.Issuer, detail, StringComparison.Ordinal);
    }

    [Fact]
    public Task Wrong_audience_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, "someone-else"), "audience");

    [Fact]
    public Task Token_without_organisation_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt(null, _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience), "no \"org\" claim");

    [Fact]
    public Task Token_with_an_empty_organisation_is_refused() =>
        AssertRefused(AuthTestTokens.Jwt("", _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience), "no \"org\" claim");

    [Fact]
    public Task Unsigned_token_is_refused() =>
        AssertRefused(AuthTestTokens.Unsigned("org-a", AuthServerFactory.Issuer, AuthServerFactory.Audience), "signature");

    [Fact]
    public Task Malformed_token_is_refused() =>
        AssertRefused("not.a.jwt", "well-formed JWT");

    [Fact]
    public Task Algorithm_outside_the_key_family_is_refused()
    {
        // RS256 with a key the server does not hold: refused whatever the reason, never accepted.
        using var rsa = RSA.Create(2048);
        var token = AuthTestTokens.Jwt("org-a", new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256), AuthServerFactory.Issuer, AuthServerFactory.Audience);
        return AssertRefused(token, "");
    }

    [Fact]
    public async Task Organisation_of_the_token_is_the_caller_organisation()
    {
        using var client = _factory.Client("acme");
        var body = await (await client.GetAsync("/v1/budget")).Json();
        Assert.Equal("acme", body.GetProperty("organisation").GetString());
    }
}
