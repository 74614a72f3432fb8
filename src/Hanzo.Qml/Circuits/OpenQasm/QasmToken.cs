namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>Lexical categories of OpenQASM 2.0.</summary>
internal enum QasmTokenKind
{
    Identifier,
    Integer,
    Real,
    String,
    Symbol,
    EndOfFile,
}

/// <summary>One token with its 1-based position; <see cref="EndColumn"/> lets errors point just past a token.</summary>
internal readonly record struct QasmToken(QasmTokenKind Kind, string Text, int Line, int Column, double Value = 0.0)
{
    /// <summary>Column just after the token.</summary>
    public int EndColumn => Column + Text.Length;

    public bool Is(string symbolOrWord) => (Kind is QasmTokenKind.Symbol or QasmTokenKind.Identifier) && Text == symbolOrWord;

    /// <summary>The token as an error message shows it.</summary>
    public string Describe() => Kind switch
    {
        QasmTokenKind.EndOfFile => "the end of the program",
        QasmTokenKind.String => $"the string {Text}",
        _ => $"'{Text}'",
    };
}
