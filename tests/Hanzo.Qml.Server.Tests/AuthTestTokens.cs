using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Tests;

/// <summary>Makes JWTs and keys for tests of authenticated routes.</summary>
public static class AuthTestTokens
{
    /// <summary>A random secret of <paramref name="length"/> URL-safe characters (an HMAC key or an API key).</summary>
    public static string RandomSecret(int length = 48)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, 0, (span, _) =>
        {
            for (int i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    /// <summary>An HS256 token for <paramref name="organisation"/> (null: no organisation claim).</summary>
    public static string Jwt(string? organisation, string hmacKey, string issuer, string audience,
        DateTime? expires = null, string organisationClaim = "org", DateTime? notBefore = null) =>
        Jwt(organisation, new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(hmacKey)), SecurityAlgorithms.HmacSha256),
            issuer, audience, expires, organisationClaim, notBefore);

    /// <summary>A token signed with <paramref name="credentials"/> (RSA, ECDSA or HMAC).</summary>
    public static string Jwt(string? organisation, SigningCredentials credentials, string issuer, string audience,
        DateTime? expires = null, string organisationClaim = "org", DateTime? notBefore = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(10);
        var claims = new List<Claim> { new("sub", "test-user") };
        if (organisation is not null) claims.Add(new Claim(organisationClaim, organisation));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = notBefore ?? exp.AddMinutes(-20),
            NotBefore = notBefore ?? exp.AddMinutes(-20),
            Expires = exp,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>"alg": "none"</c>), which the server must refuse.</summary>
    public static string Unsigned(string organisation, string issuer, string audience)
    {
        static string B64(string json) => Base64UrlEncoder.Encode(json);
        long exp = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               B64($"{{\"iss\":\"{issuer}\",\"aud\":\"{audience}\",\"org\":\"{organisation}\",\"exp\":{exp}}}") + ".";
    }
}
