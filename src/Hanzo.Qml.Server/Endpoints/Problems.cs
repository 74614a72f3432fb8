namespace Hanzo.Qml.Server.Endpoints;

/// <summary>RFC 7807 problem results with a title and a detail that says what is allowed.</summary>
internal static class Problems
{
    public static IResult BadRequest(string detail, string title = "Invalid request") =>
        Results.Problem(detail: detail, title: title, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, title: "Not found", statusCode: StatusCodes.Status404NotFound);

    public static IResult TooLarge(string detail) =>
        Results.Problem(detail: detail, title: "Request too large", statusCode: StatusCodes.Status413PayloadTooLarge);
}
