namespace Hanzo.Qml.Server.Circuits;

/// <summary>
/// A circuit request the service refuses: carries the HTTP status (400, 402 or 413), a short title and a detail that
/// says what was wrong and what is allowed. The circuit endpoints turn it into an RFC 7807 problem; it never escapes them.
/// </summary>
public sealed class CircuitRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">HTTP status of the problem.</param>
    /// <param name="detail">What was wrong and what is allowed.</param>
    /// <param name="title">Short title of the problem.</param>
    public CircuitRequestException(int status, string detail, string title = "Invalid request") : base(detail)
    {
        Status = status;
        Title = title;
    }

    /// <summary>Creates a 400 exception with the default title.</summary>
    public CircuitRequestException() : this(StatusCodes.Status400BadRequest, "Invalid request.") { }

    /// <summary>Creates a 400 exception.</summary>
    /// <param name="message">The detail.</param>
    public CircuitRequestException(string message) : this(StatusCodes.Status400BadRequest, message) { }

    /// <summary>Creates a 400 exception with a cause.</summary>
    /// <param name="message">The detail.</param>
    /// <param name="inner">The cause.</param>
    public CircuitRequestException(string message, Exception inner) : base(message, inner)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = "Invalid request";
    }

    /// <summary>HTTP status.</summary>
    public int Status { get; }

    /// <summary>Problem title.</summary>
    public string Title { get; }

    /// <summary>A 400 problem.</summary>
    /// <param name="detail">What was wrong and what is allowed.</param>
    /// <param name="title">Short title.</param>
    public static CircuitRequestException BadRequest(string detail, string title = "Invalid request") => new(StatusCodes.Status400BadRequest, detail, title);

    /// <summary>A 413 problem.</summary>
    /// <param name="detail">What was too large and the bound.</param>
    public static CircuitRequestException TooLarge(string detail) => new(StatusCodes.Status413PayloadTooLarge, detail, "Request too large");
}
