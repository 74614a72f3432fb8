using System.Text.Json;

namespace Hanzo.Qml.Server.Endpoints;

/// <summary>Reads a JSON request body strictly, turning every malformed body into a 400 problem instead of an exception.</summary>
internal static class JsonBody
{
    public static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Problems.BadRequest("The body must be JSON with Content-Type: application/json.", "Unsupported content type"));
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
            return (null, Problems.TooLarge("The request body is larger than this server accepts (limits.max_request_bytes)."));
        }
    }

    /// <summary>A JSON string of <paramref name="value"/> in the service's snake_case form.</summary>
    public static string Serialize<T>(T value, JsonSerializerOptions options) => JsonSerializer.Serialize(value, options);
}
