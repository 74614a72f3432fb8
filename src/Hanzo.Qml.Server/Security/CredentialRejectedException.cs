namespace Hanzo.Qml.Server.Security;

/// <summary>
/// A credential refused by this service's own checks (unknown API key, token without an organisation). Its message is
/// written by the service, never taken from the credential, so it may be returned to the client as the 401 detail.
/// </summary>
public sealed class CredentialRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CredentialRejectedException() : base("The credential was rejected.") { }

    /// <summary>Creates the exception with a client-safe message.</summary>
    /// <param name="message">What was wrong, without the credential.</param>
    public CredentialRejectedException(string message) : base(message) { }

    /// <summary>Creates the exception with a client-safe message and a cause.</summary>
    /// <param name="message">What was wrong, without the credential.</param>
    /// <param name="innerException">The cause.</param>
    public CredentialRejectedException(string message, Exception innerException) : base(message, innerException) { }
}
