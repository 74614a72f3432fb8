using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hanzo.Qml.Server.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Security;

/// <summary>
/// The key that verifies JWT signatures: an HMAC secret (at least 32 bytes) or an RSA/ECDSA public key in PEM, read
/// from <see cref="JwtSection.KeyFile"/> when set, otherwise from the environment variable <see cref="JwtSection.KeyEnv"/>.
/// </summary>
/// <param name="Key">The verification key.</param>
/// <param name="Algorithms">The signature algorithms accepted with it (pinning them prevents algorithm confusion).</param>
/// <param name="Description">A loggable description of the key's kind and origin, never its value.</param>
public sealed record JwtSigningKey(SecurityKey Key, IReadOnlyList<string> Algorithms, string Description)
{
    /// <summary>Shortest HMAC secret accepted, in bytes (HS256 needs a key as long as its hash).</summary>
    public const int MinHmacBytes = 32;

    /// <summary>Shortest RSA modulus accepted, in bits.</summary>
    public const int MinRsaBits = 2048;

    private static readonly string[] HmacAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];
    private static readonly string[] RsaAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];
    private static readonly string[] EcdsaAlgorithms = [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512];

    /// <summary>Loads the key named by <paramref name="jwt"/>.</summary>
    /// <param name="jwt">The JWT settings.</param>
    /// <param name="secrets">Where environment secrets are read.</param>
    /// <exception cref="InvalidOperationException">When the key is missing, too short, a private key, or unreadable; the message names the source, never the value.</exception>
    public static JwtSigningKey Load(JwtSection jwt, ISecretSource secrets)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        ArgumentNullException.ThrowIfNull(secrets);
        byte[] material;
        string origin;
        if (!string.IsNullOrWhiteSpace(jwt.KeyFile))
        {
            origin = $"file {jwt.KeyFile}";
            if (!File.Exists(jwt.KeyFile))
                throw new InvalidOperationException($"auth.jwt.key_file {jwt.KeyFile} does not exist; it must hold the HMAC secret (at least {MinHmacBytes} bytes) or a PEM public key.");
            material = File.ReadAllBytes(jwt.KeyFile);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(jwt.KeyEnv))
                throw new InvalidOperationException("auth.jwt is configured but names neither key_env nor key_file; set one of them.");
            origin = $"environment variable {jwt.KeyEnv}";
            var value = secrets.Get(jwt.KeyEnv)
                ?? throw new InvalidOperationException($"auth.jwt is configured but the environment variable {jwt.KeyEnv} is not set; it must hold the HMAC secret (at least {MinHmacBytes} bytes) or a PEM public key (or set auth.jwt.key_file).");
            material = Encoding.UTF8.GetBytes(value);
        }
        // A trailing newline from `echo` or an editor is not part of the secret.
        var trimmed = TrimTrailingNewlines(material);
        var text = Encoding.UTF8.GetString(trimmed);
        return text.TrimStart().StartsWith("-----BEGIN ", StringComparison.Ordinal) ? FromPem(text, origin) : FromHmac(trimmed, origin);
    }

    private static JwtSigningKey FromHmac(byte[] secret, string origin)
    {
        if (secret.Length < MinHmacBytes)
            throw new InvalidOperationException($"The JWT HMAC secret in {origin} is {secret.Length} bytes; at least {MinHmacBytes} are required (e.g. `openssl rand -base64 48`).");
        return new(new SymmetricSecurityKey(secret), HmacAlgorithms, $"HMAC secret ({secret.Length} bytes) from {origin}");
    }

    private static JwtSigningKey FromPem(string pem, string origin)
    {
        if (!PemEncoding.TryFind(pem, out var fields))
            throw new InvalidOperationException($"The JWT key in {origin} starts like PEM but is not valid PEM; give a public key (-----BEGIN PUBLIC KEY-----) or a certificate.");
        var label = pem[fields.Label];
        if (label.Contains("PRIVATE", StringComparison.Ordinal))
            throw new InvalidOperationException($"The JWT key in {origin} is a private key ({label}); the server only verifies signatures, so give it the public key (openssl pkey -pubout).");
        try
        {
            switch (label)
            {
                case "CERTIFICATE":
                {
                    using var certificate = X509Certificate2.CreateFromPem(pem);
                    if (certificate.GetRSAPublicKey() is { } certRsa) return Rsa(certRsa, origin);
                    if (certificate.GetECDsaPublicKey() is { } certEc) return Ecdsa(certEc, origin);
                    throw new InvalidOperationException($"The certificate in {origin} holds neither an RSA nor an ECDSA public key.");
                }
                case "RSA PUBLIC KEY":
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(pem);
                    return Rsa(rsa, origin);
                }
                case "PUBLIC KEY":
                {
                    // SubjectPublicKeyInfo says which algorithm it is; try RSA, then ECDSA.
                    var rsa = RSA.Create();
                    try
                    {
                        rsa.ImportFromPem(pem);
                        return Rsa(rsa, origin);
                    }
                    catch (CryptographicException)
                    {
                        rsa.Dispose();
                    }
                    var ec = ECDsa.Create();
                    ec.ImportFromPem(pem);
                    return Ecdsa(ec, origin);
                }
                default:
                    throw new InvalidOperationException($"The JWT key in {origin} is PEM labelled \"{label}\"; allowed: PUBLIC KEY, RSA PUBLIC KEY, CERTIFICATE.");
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new InvalidOperationException($"The JWT public key in {origin} could not be read as an RSA or ECDSA key ({e.GetType().Name}).", e);
        }
    }

    private static JwtSigningKey Rsa(RSA rsa, string origin)
    {
        if (rsa.KeySize < MinRsaBits)
            throw new InvalidOperationException($"The RSA key in {origin} has {rsa.KeySize} bits; at least {MinRsaBits} are required.");
        return new(new RsaSecurityKey(rsa), RsaAlgorithms, $"RSA-{rsa.KeySize} public key from {origin}");
    }

    private static JwtSigningKey Ecdsa(ECDsa ec, string origin) =>
        new(new ECDsaSecurityKey(ec), EcdsaAlgorithms, $"ECDSA P-{ec.KeySize} public key from {origin}");

    private static byte[] TrimTrailingNewlines(byte[] bytes)
    {
        int end = bytes.Length;
        while (end > 0 && bytes[end - 1] is (byte)'\n' or (byte)'\r') end--;
        return end == bytes.Length ? bytes : bytes[..end];
    }
}
