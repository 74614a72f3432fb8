using System.Security.Claims;

namespace Hanzo.Qml.Server.Security;

/// <summary>The organisation a request acts for: every stored object belongs to one and is invisible to the others.</summary>
public static class Organisation
{
    /// <summary>Claim type that carries the organisation in tokens and API-key identities.</summary>
    public const string ClaimType = "org";

    /// <summary>Organisation of every request when no authentication is configured (loopback-only mode).</summary>
    public const string Local = "local";

    /// <summary>
    /// The organisation of the authenticated caller; <see cref="Local"/> when the server runs without authentication.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <exception cref="InvalidOperationException">When authentication is on but the principal has no organisation (the auth layer refuses such tokens first).</exception>
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.User.Identity?.IsAuthenticated != true) return Local;
        return context.User.FindFirstValue(ClaimType)
            ?? throw new InvalidOperationException("The authenticated principal carries no organisation claim.");
    }
}
