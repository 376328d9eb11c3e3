using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Realtime.Domain.Events;

namespace Realtime.Domain.Cases;

/// <summary>
/// A clock's <c>When</c> condition on case attributes: comparisons (<c>==</c>, <c>!=</c>, <c>&lt;</c>, <c>&lt;=</c>,
/// <c>&gt;</c>, <c>&gt;=</c>) of an attribute with a number, <c>true</c>/<c>false</c> or a quoted string, joined by
/// <c>and</c> (binds tighter) and <c>or</c>, with parentheses, e.g. <c>amount &lt; 3000 and injury == false</c>.
/// A comparison whose attribute is missing or of another kind is false: a clock for small claims does not start for a
/// claim whose amount nobody gave.
/// </summary>
public sealed class CaseCondition
{
    private readonly Node _root;

    private CaseCondition(string text, Node root)
    {
        Text = text;
        _root = root;
    }

    /// <summary>The condition as configured.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; false with <paramref name="problem"/> saying where and what is wrong.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out CaseCondition? condition, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        condition = null;
        try
        {
            var parser = new Parser(Tokenize(text));
            var root = parser.ParseOr();
            parser.ExpectEnd();
            condition = new CaseCondition(text.Trim(), root);
            problem = null;
            return true;
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The condition is not valid; the message says where.</exception>
    public static CaseCondition Parse(string text) =>
        TryParse(text, out var condition, out var problem) ? condition : throw new FormatException(problem);

    /// <summary>Whether <paramref name="attributes"/> satisfy the condition.</summary>
    public bool Matches(IReadOnlyDictionary<string, CaseAttribute> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return _root.Evaluate(attributes);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private abstract record Node
    {
        public abstract bool Evaluate(IReadOnlyDictionary<string, CaseAttribute> attributes);
    }

    private sealed record Or(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, CaseAttribute> attributes) => Left.Evaluate(attributes) || Right.Evaluate(attributes);
    }

    private sealed record And(Node Left, Node Right) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, CaseAttribute> attributes) => Left.Evaluate(attributes) && Right.Evaluate(attributes);
    }

    private sealed record Comparison(string Attribute, string Operator, CaseAttribute Literal) : Node
    {
        public override bool Evaluate(IReadOnlyDictionary<string, CaseAttribute> attributes)
        {
            if (!attributes.TryGetValue(Attribute, out var value))
                return false;
            int order;
            if (Literal.Number is { } n && value.Number is { } v) order = v.CompareTo(n);
            else if (Literal.Flag is { } f && value.Flag is { } g) order = g == f ? 0 : 1;
            else if (Literal.Text is { } t && value.Text is { } s) order = string.Equals(s, t, StringComparison.Ordinal) ? 0 : 1;
            else return false;
            return Operator switch
            {
                "==" => order == 0,
                "!=" => order != 0,
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
        }
    }

    private enum TokenKind { Name, Number, Text, Operator, Open, Close, End }

    private readonly record struct Token(TokenKind Kind, string Value, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var start = i;
            if (c is '(' or ')')
            {
                tokens.Add(new(c == '(' ? TokenKind.Open : TokenKind.Close, c.ToString(), start));
                i++;
            }
            else if (c is '<' or '>' or '=' or '!')
            {
                i++;
                if (i < text.Length && text[i] == '=') i++;
                var op = text[start..i];
                if (op is "=" or "!")
                    throw Problem(start, $"'{op}' is not an operator (use ==, !=, <, <=, >, >=)");
                tokens.Add(new(TokenKind.Operator, op, start));
            }
            else if (c is '\'' or '"')
            {
                var end = text.IndexOf(c, i + 1);
                if (end < 0) throw Problem(start, "the quoted string is not closed");
                tokens.Add(new(TokenKind.Text, text[(i + 1)..end], start));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '.' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
                tokens.Add(new(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.')) i++;
                tokens.Add(new(TokenKind.Name, text[start..i], start));
            }
            else
            {
                throw Problem(start, $"unexpected '{c}'");
            }
        }
        tokens.Add(new(TokenKind.End, "", text.Length));
        return tokens;
    }

    private static FormatException Problem(int position, string message) => new($"at position {position + 1}: {message}");

    private sealed class Parser(List<Token> tokens)
    {
        private int _next;

        private Token Peek => tokens[_next];

        public Node ParseOr()
        {
            var left = ParseAnd();
            while (IsWord("or"))
            {
                _next++;
                left = new Or(left, ParseAnd());
            }
            return left;
        }

        public void ExpectEnd()
        {
            if (Peek.Kind != TokenKind.End)
                throw Problem(Peek.Position, $"expected 'and', 'or' or the end, not '{Peek.Value}'");
        }

        private Node ParseAnd()
        {
            var left = ParseAtom();
            while (IsWord("and"))
            {
                _next++;
                left = new And(left, ParseAtom());
            }
            return left;
        }

        private Node ParseAtom()
        {
            var token = tokens[_next++];
            if (token.Kind == TokenKind.Open)
            {
                var inner = ParseOr();
                if (Peek.Kind != TokenKind.Close)
                    throw Problem(Peek.Position, "expected ')'");
                _next++;
                return inner;
            }
            if (token.Kind != TokenKind.Name || token.Value is "and" or "or" or "true" or "false")
                throw Problem(token.Position, token.Kind == TokenKind.End ? "expected a comparison such as amount < 3000" : $"expected an attribute name, not '{token.Value}'");
            var op = tokens[_next++];
            if (op.Kind != TokenKind.Operator)
                throw Problem(op.Position, $"expected an operator (==, !=, <, <=, >, >=) after '{token.Value}'");
            var literal = tokens[_next++];
            var value = literal switch
            {
                { Kind: TokenKind.Number } when double.TryParse(literal.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => CaseAttribute.Of(n),
                { Kind: TokenKind.Name, Value: "true" } => CaseAttribute.Of(true),
                { Kind: TokenKind.Name, Value: "false" } => CaseAttribute.Of(false),
                { Kind: TokenKind.Text } => CaseAttribute.Of(literal.Value),
                _ => throw Problem(literal.Position, $"expected a number, true, false or a quoted string after '{token.Value} {op.Value}'"),
            };
            if (value.Number is null && op.Value is not ("==" or "!="))
                throw Problem(op.Position, $"'{op.Value}' compares numbers only; use == or != with {value}");
            return new Comparison(token.Value, op.Value, value);
        }

        private bool IsWord(string word) => Peek.Kind == TokenKind.Name && string.Equals(Peek.Value, word, StringComparison.OrdinalIgnoreCase);
    }
}
