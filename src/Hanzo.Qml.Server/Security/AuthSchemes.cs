namespace Hanzo.Qml.Server.Security;

/// <summary>Names of the service's authentication schemes.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: picks <see cref="ApiKey"/> or <see cref="Jwt"/> from the credential the request carries.</summary>
    public const string Credentials = "QmlCredentials";

    /// <summary>JWT bearer tokens.</summary>
    public const string Jwt = "Bearer";

    /// <summary>Static API keys (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c>).</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>Header that carries an API key as an alternative to <c>Authorization: Bearer</c>.</summary>
    public const string ApiKeyHeader = "X-API-Key";

    /// <summary>
    /// The token of an <c>Authorization: Bearer &lt;token&gt;</c> header, or null when there is none (or another scheme).
    /// </summary>
    /// <param name="request">The request.</param>
    internal static string? BearerToken(HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return null;
        var token = header["Bearer ".Length..].Trim();
        return token.Length == 0 ? null : token;
    }

    /// <summary>Whether <paramref name="token"/> has the shape of a signed JWT (three dot-separated parts).</summary>
    /// <param name="token">A bearer token.</param>
    internal static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;
}
