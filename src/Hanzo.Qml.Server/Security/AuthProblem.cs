using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Security;

/// <summary>
/// Writes 401 and 403 responses as RFC 7807 problem details with a <c>WWW-Authenticate: Bearer</c> header. The detail
/// says what was wrong with the credential; it never repeats the credential.
/// </summary>
internal static class AuthProblem
{
    /// <summary>Writes the 401 for a request that failed authentication with <paramref name="failure"/> (null: no credential).</summary>
    public static Task ChallengeAsync(HttpContext context, Exception? failure, AuthChallengeText text)
    {
        string? detail = failure is null ? null : Describe(failure, text);
        bool presented = detail is not null;
        detail ??= MissingCredential(context.Request, text);
        context.Response.Headers.WWWAuthenticate = presented ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Results.Problem(detail: detail, title: "Unauthorized", statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    /// <summary>Writes the 403 for an authenticated caller that the route does not admit.</summary>
    public static Task ForbidAsync(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return Results.Problem(detail: "Your credential is valid but does not grant access to this route.", title: "Forbidden",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(context);
    }

    private static string MissingCredential(HttpRequest request, AuthChallengeText text)
    {
        string? header = request.Headers.Authorization;
        if (!string.IsNullOrEmpty(header))
        {
            return header.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase)
                ? "The Authorization header has no token after \"Bearer\"; send \"Authorization: Bearer <token>\"."
                : "The Authorization header must use the Bearer scheme: \"Authorization: Bearer <token>\".";
        }
        return $"This route needs credentials: send \"Authorization: Bearer <token>\" with {text.Accepted}.";
    }

    private static string Describe(Exception failure, AuthChallengeText text)
    {
        if (failure is AggregateException { InnerExceptions.Count: > 0 } aggregate) failure = aggregate.InnerExceptions[0];
        // Library exception messages can quote parts of the token; only our own texts are sent back.
        return failure switch
        {
            CredentialRejectedException own => own.Message,
            SecurityTokenExpiredException e => $"The token expired at {e.Expires:yyyy-MM-dd HH:mm:ss}Z; get a new one.",
            SecurityTokenNotYetValidException e => $"The token is not valid before {e.NotBefore:yyyy-MM-dd HH:mm:ss}Z.",
            SecurityTokenNoExpirationException => "The token has no expiry (exp); this server only accepts tokens that expire.",
            SecurityTokenInvalidLifetimeException => "The token's lifetime (nbf/exp) is invalid.",
            SecurityTokenInvalidIssuerException => $"The token's issuer (iss) is not accepted; expected \"{text.Issuer}\".",
            SecurityTokenInvalidAudienceException => $"The token's audience (aud) is not accepted; expected \"{text.Audience}\".",
            SecurityTokenInvalidAlgorithmException => $"The token is signed with an algorithm this server does not accept; allowed: {string.Join(", ", text.Algorithms)}.",
            SecurityTokenInvalidSignatureException => "The token's signature does not verify against this server's key.",
            SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT (three base64url parts separated by dots).",
            _ => "The bearer token was rejected.",
        };
    }
}

/// <summary>Settings quoted in 401 details: what the server accepts (never a secret).</summary>
/// <param name="Accepted">Which credentials are accepted, e.g. "a JWT or an API key (or X-API-Key: &lt;key&gt;)".</param>
/// <param name="Issuer">Required issuer, when JWTs are accepted.</param>
/// <param name="Audience">Required audience, when JWTs are accepted.</param>
/// <param name="Algorithms">Accepted JWT signature algorithms.</param>
internal sealed record AuthChallengeText(string Accepted, string? Issuer, string? Audience, IReadOnlyList<string> Algorithms);
