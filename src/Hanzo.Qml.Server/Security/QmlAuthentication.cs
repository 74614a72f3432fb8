using System.Security.Claims;
using Hanzo.Qml.Server.Configuration;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace Hanzo.Qml.Server.Security;

/// <summary>
/// Bearer-token authentication bound to organisations: JWTs (HMAC secret or RSA/ECDSA public key, issuer, audience and
/// lifetime checked) and/or static API keys, each credential naming one organisation. With neither configured every
/// route is anonymous and acts for <see cref="Organisation.Local"/>.
/// </summary>
public static class QmlAuthentication
{
    /// <summary>Allowed clock difference between the token issuer and this server.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    /// <summary>Whether the configuration turns authentication on (JWT or API keys); see <see cref="AuthMode.From"/>.</summary>
    /// <param name="configuration">Configuration.</param>
    public static bool IsAuthConfigured(IConfiguration configuration) => AuthMode.From(configuration).Enabled;

    /// <summary>
    /// Registers the authentication schemes, the <see cref="ISecretSource"/> (environment; replaceable), the API-key
    /// registry and the authorization policy: when authentication is configured, every endpoint without
    /// <c>AllowAnonymous</c> requires an authenticated caller with an organisation.
    /// </summary>
    /// <param name="services">Services.</param>
    /// <param name="configuration">Configuration (<c>Auth:*</c>).</param>
    /// <exception cref="InvalidOperationException">When JWT is configured without an issuer or an audience.</exception>
    public static IServiceCollection AddQmlAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var mode = AuthMode.From(configuration);
        services.AddSingleton(mode);
        services.TryAddSingleton<ISecretSource, EnvironmentSecretSource>();
        if (!mode.Enabled)
        {
            services.AddAuthentication();
            services.AddAuthorization();
            return services;
        }

        var auth = configuration.GetSection("Auth").Get<AuthSection>() ?? new AuthSection();
        var jwt = mode.Jwt ? auth.Jwt ?? new JwtSection() : null;
        if (jwt is not null)
        {
            if (string.IsNullOrWhiteSpace(jwt.Issuer)) throw new InvalidOperationException("auth.jwt.issuer is required when auth.jwt is configured: tokens must name the issuer this server trusts.");
            if (string.IsNullOrWhiteSpace(jwt.Audience)) throw new InvalidOperationException("auth.jwt.audience is required when auth.jwt is configured: tokens must be meant for this server.");
            if (string.IsNullOrWhiteSpace(jwt.OrganisationClaim)) jwt.OrganisationClaim = Organisation.ClaimType;
            services.AddSingleton(sp => JwtSigningKey.Load(jwt, sp.GetRequiredService<ISecretSource>()));
        }
        var apiKeys = auth.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k.KeyEnv) || !string.IsNullOrWhiteSpace(k.Organisation)).ToList();
        services.AddSingleton(sp => new ApiKeyRegistry(apiKeys, sp.GetRequiredService<ISecretSource>()));
        string accepted = (mode.Jwt, mode.ApiKeys) switch
        {
            (true, true) => "a JWT or an API key (or \"X-API-Key: <key>\")",
            (true, false) => "a JWT",
            _ => "an API key (or \"X-API-Key: <key>\")",
        };
        services.AddSingleton(sp => new AuthChallengeText(accepted, jwt?.Issuer, jwt?.Audience,
            jwt is null ? [] : sp.GetRequiredService<JwtSigningKey>().Algorithms));

        var builder = services.AddAuthentication(AuthSchemes.Credentials)
            .AddPolicyScheme(AuthSchemes.Credentials, "JWT or API key", o => o.ForwardDefaultSelector = context => SelectScheme(context, mode))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, displayName: "API key", configureOptions: null);
        if (jwt is not null)
        {
            builder.AddJwtBearer(AuthSchemes.Jwt);
            services.AddOptions<JwtBearerOptions>(AuthSchemes.Jwt)
                .Configure<JwtSigningKey, AuthChallengeText>((options, key, text) => ConfigureJwt(options, jwt, key, text));
        }

        services.AddAuthorization(o =>
        {
            var policy = new AuthorizationPolicyBuilder(AuthSchemes.Credentials)
                .RequireAuthenticatedUser()
                .RequireClaim(Organisation.ClaimType)
                .Build();
            o.DefaultPolicy = policy;
            // The fallback applies to every endpoint that says nothing: a route added later is protected by default.
            o.FallbackPolicy = policy;
        });
        return services;
    }

    /// <summary>
    /// Adds the authentication and authorization middleware (after routing), loads the keys now so that a
    /// misconfiguration stops the start-up, and logs which credentials are accepted (never their values).
    /// </summary>
    /// <param name="app">The application; <c>UseRouting</c> must already be in the pipeline.</param>
    public static WebApplication UseQmlAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var mode = app.Services.GetRequiredService<AuthMode>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(QmlAuthentication).FullName!);
        if (mode.Enabled)
        {
            var parts = new List<string>();
            if (mode.Jwt) parts.Add("JWT verified with " + app.Services.GetRequiredService<JwtSigningKey>().Description);
            int keys = app.Services.GetRequiredService<ApiKeyRegistry>().Count;
            if (keys > 0) parts.Add($"{keys} API key(s)");
            logger.LogInformation("Authentication on: {Credentials}; every route but health, OpenAPI and the metrics port needs a credential bound to an organisation.", string.Join(" and ", parts));
        }
        else
        {
            logger.LogWarning("Authentication is OFF (no auth.jwt or auth.api_keys configured): every request acts for organisation \"{Organisation}\" and the server must listen on loopback only.", Organisation.Local);
        }
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static string SelectScheme(HttpContext context, AuthMode mode)
    {
        if (!mode.Jwt || context.Request.Headers.ContainsKey(AuthSchemes.ApiKeyHeader)) return AuthSchemes.ApiKey;
        if (!mode.ApiKeys) return AuthSchemes.Jwt;
        var token = AuthSchemes.BearerToken(context.Request);
        return token is not null && !AuthSchemes.LooksLikeJwt(token) ? AuthSchemes.ApiKey : AuthSchemes.Jwt;
    }

    private static void ConfigureJwt(JwtBearerOptions options, JwtSection jwt, JwtSigningKey key, AuthChallengeText text)
    {
        // Claim names stay as written in the token ("org", "sub"), not remapped to WS-* URIs.
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.IncludeErrorDetails = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            IssuerSigningKey = key.Key,
            ValidAlgorithms = key.Algorithms,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            NameClaimType = "sub",
        };
        string claim = jwt.OrganisationClaim;
        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                BindOrganisation(context, claim);
                return Task.CompletedTask;
            },
            OnChallenge = context =>
            {
                context.HandleResponse();
                return AuthProblem.ChallengeAsync(context.HttpContext, context.AuthenticateFailure, text);
            },
            OnForbidden = context => AuthProblem.ForbidAsync(context.HttpContext),
        };
    }

    private static void BindOrganisation(TokenValidatedContext context, string claim)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            context.Fail(new CredentialRejectedException("The token carries no identity."));
            return;
        }
        var values = identity.FindAll(claim).Select(c => c.Value).ToList();
        if (values.Count == 0 || string.IsNullOrWhiteSpace(values[0]))
        {
            context.Fail(new CredentialRejectedException($"The token is valid but carries no \"{claim}\" claim naming the organisation; every token must carry one."));
            return;
        }
        if (values.Count > 1)
        {
            context.Fail(new CredentialRejectedException($"The token carries {values.Count} \"{claim}\" claims; exactly one organisation is allowed."));
            return;
        }
        if (values[0].Length > ApiKeyRegistry.MaxOrganisationLength)
        {
            context.Fail(new CredentialRejectedException($"The token's \"{claim}\" claim is longer than {ApiKeyRegistry.MaxOrganisationLength} characters."));
            return;
        }
        if (claim != Organisation.ClaimType)
        {
            // Only the configured claim names the organisation; an "org" claim beside it must not override it.
            foreach (var stale in identity.FindAll(Organisation.ClaimType).ToList()) identity.RemoveClaim(stale);
            identity.AddClaim(new Claim(Organisation.ClaimType, values[0]));
        }
    }
}
