using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Security.Cryptography;
using Hanzo.Qml.Server.Configuration;
using Hanzo.Qml.Server.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Tests;

/// <summary>JWT key material (HMAC, RSA and ECDSA PEM, file or environment) and start-up refusal of bad configurations.</summary>
public sealed class AuthKeyTests
{
    private static JwtSection Section(string? file = null) => new() { KeyEnv = "K", KeyFile = file, Issuer = "i", Audience = "a" };

    [Fact]
    public void Short_HMAC_secret_is_refused_without_showing_it()
    {
        var secrets = new AuthTestSecrets { ["K"] = "short-secret-0123456789" };
        var e = Assert.Throws<InvalidOperationException>(() => JwtSigningKey.Load(Section(), secrets));
        Assert.Contains("at least 32", e.Message, StringComparison.Ordinal);
        Assert.Contains("environment variable K", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("short-secret", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_variable_is_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => JwtSigningKey.Load(Section(), new AuthTestSecrets()));
        Assert.Contains("K is not set", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_key_file_is_named()
    {
        var e = Assert.Throws<InvalidOperationException>(() => JwtSigningKey.Load(Section("/nonexistent/jwt.pem"), new AuthTestSecrets()));
        Assert.Contains("/nonexistent/jwt.pem does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Private_key_is_refused()
    {
        using var rsa = RSA.Create(2048);
        var e = Assert.Throws<InvalidOperationException>(() => JwtSigningKey.Load(Section(), new AuthTestSecrets { ["K"] = rsa.ExportPkcs8PrivateKeyPem() }));
        Assert.Contains("private key", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MII", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_RSA_key_is_refused()
    {
        using var rsa = RSA.Create(1024);
        var e = Assert.Throws<InvalidOperationException>(() => JwtSigningKey.Load(Section(), new AuthTestSecrets { ["K"] = rsa.ExportSubjectPublicKeyInfoPem() }));
        Assert.Contains("1024 bits", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HMAC_key_file_ignores_a_trailing_newline()
    {
        var file = Path.GetTempFileName();
        try
        {
            var secret = AuthTestTokens.RandomSecret(40);
            File.WriteAllText(file, secret + "\n");
            var key = JwtSigningKey.Load(Section(file), new AuthTestSecrets());
            Assert.Equal(System.Text.Encoding.UTF8.GetBytes(secret), ((SymmetricSecurityKey)key.Key).Key);
            Assert.Contains(SecurityAlgorithms.HmacSha256, key.Algorithms);
            Assert.DoesNotContain(secret, key.Description, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RSA_public_key_file_verifies_RS256_tokens()
    {
        using var rsa = RSA.Create(2048);
        var file = Path.GetTempFileName();
        File.WriteAllText(file, rsa.ExportSubjectPublicKeyInfoPem());
        try
        {
            using var factory = new AuthServerFactory(apiKeyOrganisations: [], settings: new Dictionary<string, string?> { ["Auth:Jwt:KeyFile"] = file });
            var signing = new SigningCredentials(new RsaSecurityKey(rsa), SecurityAlgorithms.RsaSha256);
            using var ok = factory.WithBearer(AuthTestTokens.Jwt("org-rsa", signing, AuthServerFactory.Issuer, AuthServerFactory.Audience));
            var response = await ok.GetAsync("/v1/budget");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("org-rsa", (await response.Json()).GetProperty("organisation").GetString());

            // The HMAC secret of the factory is not used once a key file is configured.
            using var hmac = factory.Client("org-rsa");
            Assert.Equal(HttpStatusCode.Unauthorized, (await hmac.GetAsync("/v1/budget")).StatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ECDSA_public_key_from_the_environment_verifies_ES256_tokens()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var factory = new AuthServerFactory(apiKeyOrganisations: []);
        factory.Secrets[AuthServerFactory.JwtKeyEnv] = ec.ExportSubjectPublicKeyInfoPem();
        var signing = new SigningCredentials(new ECDsaSecurityKey(ec), SecurityAlgorithms.EcdsaSha256);
        using var client = factory.WithBearer(AuthTestTokens.Jwt("org-ec", signing, AuthServerFactory.Issuer, AuthServerFactory.Audience));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/budget")).StatusCode);
    }

    [Fact]
    public async Task Configured_organisation_claim_name_is_used_and_org_beside_it_ignored()
    {
        using var factory = new AuthServerFactory(apiKeyOrganisations: [], settings: new Dictionary<string, string?> { ["Auth:Jwt:OrganisationClaim"] = "tenant" });
        using var tenant = factory.WithBearer(AuthTestTokens.Jwt("t-1", factory.JwtKey, AuthServerFactory.Issuer, AuthServerFactory.Audience, organisationClaim: "tenant"));
        var response = await tenant.GetAsync("/v1/budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("t-1", (await response.Json()).GetProperty("organisation").GetString());

        using var orgOnly = factory.Client("org-a");
        var refused = await orgOnly.GetAsync("/v1/budget");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("no \"tenant\" claim", (await refused.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // The server refuses to start in each case below (first assertion, through the real host). The host's entry point
    // prints the reason on stderr and exits, so the reason itself is checked on the same registration the host runs.
    private static Exception StartFailure(Dictionary<string, string?> settings, AuthTestSecrets secrets)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ISecretSource>(secrets);
        var e = Record.Exception(() =>
        {
            services.AddQmlAuthentication(configuration);
            using var provider = services.BuildServiceProvider();
            _ = provider.GetService<JwtSigningKey>();
            _ = provider.GetService<ApiKeyRegistry>();
        });
        Assert.NotNull(e);
        return e!;
    }

    private static Dictionary<string, string?> JwtSettings(string? audience = AuthServerFactory.Audience) => new()
    {
        ["Auth:Jwt:KeyEnv"] = AuthServerFactory.JwtKeyEnv,
        ["Auth:Jwt:Issuer"] = AuthServerFactory.Issuer,
        ["Auth:Jwt:Audience"] = audience,
    };

    [Fact]
    public void Server_does_not_start_with_a_missing_JWT_key()
    {
        using var factory = new AuthServerFactory(apiKeyOrganisations: []);
        factory.Secrets[AuthServerFactory.JwtKeyEnv] = null;
        Assert.ThrowsAny<Exception>(() => factory.Anonymous());
        var e = StartFailure(JwtSettings(), new AuthTestSecrets());
        Assert.Contains($"{AuthServerFactory.JwtKeyEnv} is not set", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Server_does_not_start_with_JWT_but_no_audience()
    {
        using var factory = new AuthServerFactory(apiKeyOrganisations: [], settings: new Dictionary<string, string?> { ["Auth:Jwt:Audience"] = "" });
        Assert.ThrowsAny<Exception>(() => factory.Anonymous());
        var e = StartFailure(JwtSettings(audience: ""), new AuthTestSecrets { [AuthServerFactory.JwtKeyEnv] = AuthTestTokens.RandomSecret(48) });
        Assert.Contains("auth.jwt.audience is required", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Server_does_not_start_with_a_short_API_key()
    {
        using var factory = new AuthServerFactory(jwt: false, apiKeyOrganisations: ["org-a"]);
        factory.Secrets["TEST_HANZO_QML_API_KEY_0"] = "tooshort";
        Assert.ThrowsAny<Exception>(() => factory.Anonymous());
        var e = StartFailure(new() { ["Auth:ApiKeys:0:KeyEnv"] = "K0", ["Auth:ApiKeys:0:Organisation"] = "org-a" }, new AuthTestSecrets { ["K0"] = "tooshort" });
        Assert.Contains("at least 24", e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("tooshort", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_API_keys_are_refused()
    {
        var key = AuthTestTokens.RandomSecret(32);
        var secrets = new AuthTestSecrets { ["A"] = key, ["B"] = key };
        var e = Assert.Throws<InvalidOperationException>(() => new ApiKeyRegistry(
            [new ApiKeySection { KeyEnv = "A", Organisation = "x" }, new ApiKeySection { KeyEnv = "B", Organisation = "y" }], secrets));
        Assert.Contains("distinct", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auth_is_configured_only_with_JWT_or_API_key_settings()
    {
        static IConfiguration Config(params (string, string?)[] pairs) =>
            new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Item1, p.Item2))).Build();
        Assert.False(QmlAuthentication.IsAuthConfigured(Config()));
        Assert.False(QmlAuthentication.IsAuthConfigured(Config(("Server:Port", "1"))));
        Assert.True(QmlAuthentication.IsAuthConfigured(Config(("Auth:Jwt:Issuer", "x"))));
        Assert.True(QmlAuthentication.IsAuthConfigured(Config(("Auth:ApiKeys:0:KeyEnv", "X"), ("Auth:ApiKeys:0:Organisation", "o"))));
    }
}
