namespace Hanzo.Qml.Server.Jobs;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls back on the reporting thread, in order. The library's long-running methods
/// report this way to the job (unlike <see cref="Progress{T}"/>, which posts each report to the thread pool).
/// </summary>
/// <typeparam name="T">The progress value.</typeparam>
/// <param name="report">What to do with each report.</param>
internal sealed class CallbackProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
