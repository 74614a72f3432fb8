using Hanzo.Qml.Data;

namespace Hanzo.Qml.Cli.Commands;

/// <summary>Resolves a <c>--dataset</c> argument: a CSV path, or the name of a built-in dataset.</summary>
internal static class DatasetArgument
{
    /// <summary>Loads the dataset; file and format problems become one-line usage errors.</summary>
    public static Dataset Load(string spec)
    {
        try
        {
            if (!File.Exists(spec) && BuiltInDatasets.Names.Contains(spec, StringComparer.OrdinalIgnoreCase))
                return BuiltInDatasets.Load(spec);
            if (!File.Exists(spec))
                throw CliException.Usage($"cannot read '{spec}': file not found (built-in datasets: {string.Join(", ", BuiltInDatasets.Names)})");
            return CsvDataset.Load(spec);
        }
        catch (DatasetFormatException e)
        {
            throw CliException.Usage(e.Message, e);
        }
    }
}
