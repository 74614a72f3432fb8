using Hanzo.Qml.Server.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server;

/// <summary>
/// Enforces <c>limits.max_request_bytes</c> on every request: a declared <c>Content-Length</c> above it is refused with a
/// 413 problem before a byte of the body is read, and the server's own bound (Kestrel's, 30 MB by default) is lowered to
/// it so that a body without a length is cut off at the same size while it is read (the endpoints turn that into 413).
/// </summary>
/// <param name="next">The rest of the pipeline.</param>
/// <param name="options">The limits (read per request, so a test host's settings apply).</param>
/// <param name="problems">Writes the 413 problem document.</param>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, IOptions<QmlServerOptions> options, IProblemDetailsService problems)
{
    /// <summary>Checks the declared length, lowers the server's bound and calls the next middleware.</summary>
    /// <param name="context">The request.</param>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long max = options.Value.Limits.MaxRequestBytes;
        if (context.Request.ContentLength is long length && length > max)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Request too large",
                    Detail = $"The body has {length} bytes; this server accepts at most {max} (limits.max_request_bytes).",
                },
            });
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = max;
        await next(context);
    }
}
