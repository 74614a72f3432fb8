using System.Net.Http.Json;

namespace Hanzo.Qml.Server.Tests;

/// <summary>No token, API key or HMAC key appears in any log record (any level) or any response, accepted or refused.</summary>
public sealed class LogSecrecyTests : IDisposable
{
    // The most verbose level: the scan must see everything the server could ever log.
    private readonly AuthServerFactory _factory = new(settings: new Dictionary<string, string?> { ["Logging:Level"] = "trace" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task No_secret_is_logged_or_returned()
    {
        var valid = _factory.Token("org-a");
        var expired = AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience, expires: DateTime.UtcNow.AddHours(-1));
        var badSignature = AuthTestTokens.Jwt("org-a", AuthTestTokens.RandomSecret(48), AuthServerFactory.Issuer, AuthServerFactory.Audience);
        var wrongAudience = AuthTestTokens.Jwt("org-a", _factory.JwtKey, AuthServerFactory.Issuer, "elsewhere");
        var noOrganisation = AuthTestTokens.Jwt(null, _factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience);
        var unknownKey = AuthTestTokens.RandomSecret(40);
        var malformed = "eyJhbGciOiJIUzI1NiJ9." + AuthTestTokens.RandomSecret(30) + ".sig" + AuthTestTokens.RandomSecret(20);
        var bearers = new[] { valid, expired, badSignature, wrongAudience, noOrganisation, unknownKey, malformed, _factory.ApiKey("org-a"), _factory.ApiKey("org-b") };

        var responses = new List<string>();
        foreach (var bearer in bearers)
        {
            using var client = _factory.WithBearer(bearer);
            responses.Add(await Exchange(client));
        }
        foreach (var key in new[] { _factory.ApiKey("org-b"), unknownKey })
        {
            using var client = _factory.Anonymous();
            client.DefaultRequestHeaders.Add("X-API-Key", key);
            responses.Add(await Exchange(client));
        }

        var logs = _factory.Logs.Records;
        // The capture must be live for the scan to mean anything: the refusals above are logged by the JWT handler.
        Assert.Contains(logs, r => r.Contains("Bearer was not authenticated", StringComparison.Ordinal) || r.Contains("Failed to validate the token", StringComparison.Ordinal));
        Assert.Contains(logs, r => r.Contains("Authentication on", StringComparison.Ordinal));

        var secrets = bearers.Append(_factory.JwtKey).ToList();
        // A token's signature alone is as sensitive as the token (with the public header and payload it is the token).
        secrets.AddRange(bearers.Where(b => b.Count(c => c == '.') == 2).Select(b => b.Split('.')[2]).Where(s => s.Length >= 16));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs, r => r.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(responses, r => r.Contains(secret, StringComparison.Ordinal));
        }
    }

    private static async Task<string> Exchange(HttpClient client)
    {
        var text = new System.Text.StringBuilder();
        foreach (var response in new[]
        {
            await client.GetAsync("/v1/budget"),
            await client.PostAsJsonAsync("/v1/kernels", new { encoding = "iqp", n_qubits = 2 }),
            await client.GetAsync("/v1/kernels/k_missing"),
            await client.PostAsync("/v1/kernels", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
        })
        {
            text.Append(response.Headers).Append(response.Content.Headers).Append(await response.Content.ReadAsStringAsync());
        }
        return text.ToString();
    }
}
