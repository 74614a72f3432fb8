using System.Text.Json;
using Hanzo.Qml.Server.Configuration;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>
/// Reads a JSON request body strictly and within <c>limits.max_request_bytes</c>, turning every malformed or oversized
/// body into a 400 or 413 problem instead of an exception. Every route with a body reads it here.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct) where T : class
    {
        var limits = request.HttpContext.RequestServices.GetRequiredService<IOptions<QmlServerOptions>>().Value.Limits;
        if (!request.HasJsonContentType())
            return (null, Problems.BadRequest("The body must be JSON with Content-Type: application/json.", "Unsupported content type"));
        if (request.ContentLength > limits.MaxRequestBytes)
            return (null, Problems.TooLarge($"The body has {request.ContentLength} bytes; this server accepts at most {limits.MaxRequestBytes} (limits.max_request_bytes)."));
        // A body without Content-Length is cut off by the server at the same bound while it is read.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limits.MaxRequestBytes;
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, options, ct);
            return body is null ? (null, Problems.BadRequest("The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest($"Malformed JSON body: {e.Message}", "Malformed JSON"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge($"The body is larger than the {limits.MaxRequestBytes} bytes this server accepts (limits.max_request_bytes)."));
        }
    }

    /// <summary>A JSON string of <paramref name="value"/> in the service's snake_case form.</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options);
}
