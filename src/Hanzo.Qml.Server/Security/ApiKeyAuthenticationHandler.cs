using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Security;

/// <summary>
/// Authenticates a static API key sent as <c>X-API-Key: &lt;key&gt;</c> or <c>Authorization: Bearer &lt;key&gt;</c>; the
/// principal carries the key's organisation in the <see cref="Organisation.ClaimType"/> claim.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRegistry registry, AuthChallengeText text)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? presented = Request.Headers[AuthSchemes.ApiKeyHeader];
        presented = string.IsNullOrWhiteSpace(presented) ? AuthSchemes.BearerToken(Request) : presented.Trim();
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        if (registry.Count == 0)
            return Task.FromResult(AuthenticateResult.Fail(new CredentialRejectedException("This server accepts no API keys; send a JWT as \"Authorization: Bearer <token>\".")));
        if (registry.Find(presented) is not { } match)
            return Task.FromResult(AuthenticateResult.Fail(new CredentialRejectedException("Unknown API key.")));

        var identity = new ClaimsIdentity(
        [
            new Claim(Organisation.ClaimType, match.Organisation),
            new Claim(ClaimTypes.Name, "api_keys[" + match.Index.ToString(CultureInfo.InvariantCulture) + "]"),
        ], Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        await AuthProblem.ChallengeAsync(Context, result.Failure, text);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblem.ForbidAsync(Context);
}
