using System.Globalization;

namespace Hanzo.Qml.Circuits.OpenQasm;

/// <summary>Splits OpenQASM 2.0 source into tokens, tracking 1-based line and column for error messages.</summary>
internal static class QasmLexer
{
    private const string AllowedCharacters =
        "allowed are letters, digits, '_', '.', whitespace, // comments, \"strings\" and the symbols ; , ( ) [ ] { } + - * / ^ -> ==";

    public static List<QasmToken> Tokenize(string source)
    {
        var tokens = new List<QasmToken>();
        int pos = 0, line = 1, lineStart = 0;
        while (true)
        {
            // Skip whitespace and comments.
            while (pos < source.Length)
            {
                char ch = source[pos];
                if (ch == '\n') { pos++; line++; lineStart = pos; }
                else if (char.IsWhiteSpace(ch)) pos++;
                else if (ch == '/' && pos + 1 < source.Length && source[pos + 1] == '/')
                {
                    while (pos < source.Length && source[pos] != '\n') pos++;
                }
                else break;
            }
            int column = pos - lineStart + 1;
            if (pos >= source.Length)
            {
                tokens.Add(new QasmToken(QasmTokenKind.EndOfFile, "", line, column));
                return tokens;
            }
            char c = source[pos];
            int start = pos;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (pos < source.Length && (char.IsAsciiLetterOrDigit(source[pos]) || source[pos] == '_')) pos++;
                tokens.Add(new QasmToken(QasmTokenKind.Identifier, source[start..pos], line, column));
            }
            else if (char.IsAsciiDigit(c) || c == '.' && pos + 1 < source.Length && char.IsAsciiDigit(source[pos + 1]))
            {
                tokens.Add(Number(source, ref pos, line, column));
            }
            else if (c == '"')
            {
                pos++;
                while (pos < source.Length && source[pos] != '"' && source[pos] != '\n') pos++;
                if (pos >= source.Length || source[pos] != '"')
                    throw new QasmParseException(line, column, "unterminated string", "a string must close with '\"' on the same line");
                pos++;
                tokens.Add(new QasmToken(QasmTokenKind.String, source[start..pos], line, column));
            }
            else if (c == '-' && pos + 1 < source.Length && source[pos + 1] == '>' || c == '=' && pos + 1 < source.Length && source[pos + 1] == '=')
            {
                pos += 2;
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, source[start..pos], line, column));
            }
            else if (";,()[]{}+-*/^".Contains(c, StringComparison.Ordinal))
            {
                pos++;
                tokens.Add(new QasmToken(QasmTokenKind.Symbol, c.ToString(), line, column));
            }
            else
            {
                string shown = char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();
                throw new QasmParseException(line, column, $"unexpected character '{shown}'", AllowedCharacters);
            }
        }
    }

    private static QasmToken Number(string s, ref int pos, int line, int column)
    {
        int start = pos;
        bool real = false;
        while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
        if (pos < s.Length && s[pos] == '.')
        {
            real = true;
            pos++;
            while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
        }
        if (pos < s.Length && (s[pos] == 'e' || s[pos] == 'E'))
        {
            int save = pos;
            pos++;
            if (pos < s.Length && (s[pos] == '+' || s[pos] == '-')) pos++;
            if (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                real = true;
                while (pos < s.Length && char.IsAsciiDigit(s[pos])) pos++;
            }
            else
            {
                throw new QasmParseException(line, column + (save - start), $"malformed exponent in number '{s[start..pos]}'",
                    "write an exponent as e or E, an optional sign and digits, e.g. 1.5e-3");
            }
        }
        // A letter glued to a number ("2pi", "3q") is almost always a typo; reject it here rather than parse two tokens.
        if (pos < s.Length && (char.IsAsciiLetter(s[pos]) || s[pos] == '_'))
            throw new QasmParseException(line, column + (pos - start), $"unexpected '{s[pos]}' right after the number '{s[start..pos]}'",
                "separate numbers from names with an operator, e.g. 2*pi");
        string text = s[start..pos];
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new QasmToken(real ? QasmTokenKind.Real : QasmTokenKind.Integer, text, line, column, value);
    }
}
