namespace Hanzo.Qml.Server.Security;

/// <summary>Which credentials the service accepts, decided from the configuration at start-up.</summary>
/// <param name="Jwt">JWT bearer tokens are accepted (<c>auth.jwt</c> is configured).</param>
/// <param name="ApiKeys">Static API keys are accepted (<c>auth.api_keys</c> has entries).</param>
public sealed record AuthMode(bool Jwt, bool ApiKeys)
{
    /// <summary>
    /// Whether any authentication is on. When false every route is anonymous, every request acts for
    /// <see cref="Organisation.Local"/>, and the server must listen on loopback only.
    /// </summary>
    public bool Enabled => Jwt || ApiKeys;

    /// <summary>Reads the mode from configuration keys <c>Auth:Jwt:*</c> and <c>Auth:ApiKeys:*</c>.</summary>
    /// <param name="configuration">Configuration.</param>
    /// <remarks>
    /// JWT is on as soon as the <c>Auth:Jwt</c> section holds any value, so that a half-written JWT configuration stops the
    /// start-up with an error instead of leaving the server open.
    /// </remarks>
    public static AuthMode From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        bool jwt = configuration.GetSection("Auth:Jwt").AsEnumerable().Any(kv => !string.IsNullOrWhiteSpace(kv.Value));
        bool keys = configuration.GetSection("Auth:ApiKeys").GetChildren().Any(c => c.AsEnumerable().Any(kv => !string.IsNullOrWhiteSpace(kv.Value)));
        return new(jwt, keys);
    }
}
