using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Realtime.Domain.Events;

namespace Realtime.Server.Ingest;

/// <content>The typed, one-pass access to an event's fields, with an error per bad field.</content>
public sealed partial class FloorEventReader
{
    /// <summary>
    /// Typed access to the fields of one event, adding an error per bad field. The object is walked once: looking each
    /// of the 25 fields up by name scanned its properties 25 times and was a quarter of the server's ingest work.
    /// </summary>
    private ref struct Fields
    {
        private readonly int _index;
        private readonly List<EventError> _errors;
        private readonly InstantWindow? _window;
        private FieldValues _values;
        private FieldSet _present;
        private FieldSet _malformed;

        public Fields(JsonElement element, int index, List<EventError> errors, InstantWindow? window)
        {
            _index = index;
            _errors = errors;
            _window = window;
            foreach (var property in element.EnumerateObject())
            {
                var raw = JsonMarshal.GetRawUtf8PropertyName(property);
                if (!IsWellFormedName(property, raw))
                {
                    _errors.Add(new EventError(_index, "", MalformedText));
                    continue;
                }
                // An escaped name (\u0069d) is rare: decode it rather than miss it. A repeated name: the last one counts,
                // as with JsonElement.TryGetProperty.
                var field = raw.Contains((byte)'\\') ? FieldOf(Encoding.UTF8.GetBytes(property.Name)) : FieldOf(raw);
                // Text the parser let through but no string can hold (invalid UTF-8, a lone surrogate) is named here, in any
                // field, known or not: reading it later would throw, and storing it would fail after the 202.
                if (!IsWellFormed(property.Value))
                {
                    _errors.Add(new EventError(_index, field < 0 ? Shortened(property.Name) : FieldNames[field], MalformedText));
                    if (field >= 0) _malformed = _malformed.With(field);
                    continue;
                }
                if (field < 0) continue;
                _values[field] = property.Value;
                _present = _present.With(field);
            }
        }

        private static string Shortened(string name) => name.Length <= MaxIdLength ? name : name[..MaxIdLength] + "…";

        private const string MalformedText = "is not valid text: invalid UTF-8 or a lone surrogate escape (\\uD800-\\uDFFF without its pair)";

        private static bool IsWellFormedName(JsonProperty property, ReadOnlySpan<byte> raw)
        {
            if (!raw.Contains((byte)'\\')) return Utf8.IsValid(raw);
            try
            {
                _ = property.Name;
                return true;
            }
            catch (InvalidOperationException)
            {
                return false;
            }
        }

        /// <summary>Whether every string in <paramref name="value"/> (names too, at any depth) decodes to valid UTF-16.</summary>
        private static bool IsWellFormed(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var raw = JsonMarshal.GetRawUtf8Value(value);
                    if (!raw.Contains((byte)'\\')) return Utf8.IsValid(raw);
                    try
                    {
                        _ = value.GetString();
                        return true;
                    }
                    catch (InvalidOperationException)
                    {
                        return false;
                    }
                case JsonValueKind.Object:
                    foreach (var p in value.EnumerateObject())
                    {
                        if (!IsWellFormedName(p, JsonMarshal.GetRawUtf8PropertyName(p)) || !IsWellFormed(p.Value)) return false;
                    }
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (!IsWellFormed(item)) return false;
                    }
                    return true;
                default:
                    return true;
            }
        }

        private readonly bool TryGet(Field field, bool required, out JsonElement value)
        {
            if (_malformed.Contains((int)field))
            {
                value = default;
                return false;
            }
            if (_present.Contains((int)field))
            {
                value = _values[(int)field];
                if (value.ValueKind != JsonValueKind.Null) return true;
            }
            else value = default;
            if (required) Fail(field, "is required");
            return false;
        }

        private readonly void Fail(Field field, string message) => _errors.Add(new EventError(_index, FieldNames[(int)field], message));

        public readonly string? Id(Field field, bool required = false) => Text(field, required, MaxIdLength, nonBlank: true);

        public readonly string? Text(Field field, bool required, int maxLength, bool nonBlank = false)
        {
            if (!TryGet(field, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.String)
            {
                Fail(field, "must be a string");
                return null;
            }
            var s = v.GetString()!;
            if (s.Length == 0 || (nonBlank && string.IsNullOrWhiteSpace(s))) Fail(field, "must not be empty");
            else if (s.Length > maxLength) Fail(field, $"must be at most {maxLength} characters");
            else return s;
            return null;
        }

        public readonly DateTimeOffset? Timestamp(Field field, bool required)
        {
            var s = Text(field, required, 40);
            if (s is null) return null;
            if (Rfc3339().IsMatch(s))
            {
                // System.Text.Json reads the common form straight from the UTF-8 bytes; the general parser takes the rest
                // of RFC 3339 (a space, a lower-case t or z), and fractions finer than a tick, which it rounds (System.Text.Json
                // would truncate them).
                DateTimeOffset t;
                if ((FractionDigits(s) <= 7 && _values[(int)field].TryGetDateTimeOffset(out t))
                    || DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out t))
                {
                    return InWindow(field, t);
                }
            }
            Fail(field, "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-02T09:00:00+08:00");
            return null;
        }

        private readonly DateTimeOffset? InWindow(Field field, DateTimeOffset t)
        {
            if (_window is not { } w) return t;
            if (t < w.Earliest)
            {
                Fail(field, $"lies more than {w.MaxAge.TotalDays.ToString(CultureInfo.InvariantCulture)} days before the server clock ({w.Now:O}; Ingest:MaxEventAge)");
                return null;
            }
            if (t > w.Latest)
            {
                Fail(field, $"lies more than {w.MaxSkew} ahead of the server clock ({w.Now:O}; Ingest:MaxClockSkew)");
                return null;
            }
            return t;
        }

        /// <summary>
        /// A rating's period: free text, but one written as a quarter (<c>2026Q3</c>) must lie within a year of the event,
        /// so a rating cannot file itself in 0001Q1 or 9999Q4.
        /// </summary>
        public readonly string? Period(DateTimeOffset? occurredAt)
        {
            var s = Text(Field.Period, false, 32);
            if (s is null || occurredAt is not { } at || !Domain.Calendars.Quarter.TryParse(s, out var quarter)) return s;
            if (Math.Abs(quarter.Year - at.Year) <= 1) return s;
            Fail(Field.Period, $"quarter {s} is more than a year away from occurredAt");
            return null;
        }

        private static int FractionDigits(string timestamp)
        {
            var dot = timestamp.IndexOf('.', StringComparison.Ordinal);
            if (dot < 0) return 0;
            var end = dot + 1;
            while (end < timestamp.Length && char.IsAsciiDigit(timestamp[end])) end++;
            return end - dot - 1;
        }

        public readonly double? Number(Field field, bool required, double min, double max)
        {
            if (!TryGet(field, required, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var d) || !double.IsFinite(d))
            {
                Fail(field, "must be a number");
                return null;
            }
            if (d < min || d > max)
            {
                Fail(field, $"must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
                return null;
            }
            return d;
        }

        public readonly int? Integer(Field field, int min, int max)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var i) || i < min || i > max)
            {
                Fail(field, $"must be an integer from {min} to {max}");
                return null;
            }
            return i;
        }

        public readonly bool? Boolean(Field field)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            Fail(field, "must be true or false");
            return null;
        }

        /// <summary>An object of string, number and boolean values (a case's facts, e.g. <c>{"amount": 2500, "injury": false}</c>).</summary>
        public readonly IReadOnlyDictionary<string, CaseAttribute>? Attributes(Field field)
        {
            if (!TryGet(field, false, out var v)) return null;
            if (v.ValueKind != JsonValueKind.Object)
            {
                Fail(field, "must be an object of string, number or boolean values");
                return null;
            }
            var attributes = new Dictionary<string, CaseAttribute>(StringComparer.Ordinal);
            var ok = true;
            foreach (var property in v.EnumerateObject())
            {
                var name = FieldNames[(int)field] + "." + property.Name;
                if (property.Name.Length is 0 or > 64 || property.Name.Any(char.IsWhiteSpace))
                {
                    _errors.Add(new EventError(_index, name, "a name must be 1 to 64 characters without spaces"));
                    ok = false;
                    continue;
                }
                CaseAttribute? value = property.Value.ValueKind switch
                {
                    JsonValueKind.String when property.Value.GetString()!.Length <= MaxTextLength => CaseAttribute.Of(property.Value.GetString()!),
                    JsonValueKind.Number when property.Value.TryGetDouble(out var d) && double.IsFinite(d) => CaseAttribute.Of(d),
                    JsonValueKind.True or JsonValueKind.False => CaseAttribute.Of(property.Value.GetBoolean()),
                    _ => null,
                };
                if (value is null)
                {
                    _errors.Add(new EventError(_index, name, $"must be a string of at most {MaxTextLength} characters, a number or true/false"));
                    ok = false;
                    continue;
                }
                attributes[property.Name] = value;
            }
            if (attributes.Count > MaxAttributes)
            {
                Fail(field, $"must have at most {MaxAttributes} values");
                ok = false;
            }
            return ok ? attributes : null;
        }

        public readonly T? Enum<T>(Field field, (string Wire, T Value)[] values) where T : struct
        {
            var s = Text(field, false, MaxIdLength);
            if (s is null) return null;
            foreach (var (wire, value) in values)
            {
                if (wire == s) return value;
            }
            Fail(field, $"must be one of: {string.Join(", ", values.Select(v => v.Wire))}");
            return null;
        }
    }
}
