using System.Globalization;
using System.Text;

namespace GitHubIncidentApp.Core.Configuration;

/// <summary>
/// Durations as people write them in config files and commands: <c>90s</c>, <c>15m</c>, <c>24h</c>,
/// <c>2d</c>, <c>1w</c>, or combinations from the largest unit down such as <c>1h30m</c>. <c>0</c> is zero.
/// </summary>
public static class DurationText
{
    /// <summary>How to write a duration, for error messages.</summary>
    public const string Syntax = "a number followed by w, d, h, m or s (90s, 15m, 24h, 2d, 1w), combined from the largest unit down (1h30m), or 0";

    // Largest first: the order a duration must be written in, and the order Format writes.
    private static readonly (char Unit, long Seconds)[] Units =
    [
        ('w', 7 * 24 * 3600),
        ('d', 24 * 3600),
        ('h', 3600),
        ('m', 60),
        ('s', 1),
    ];

    private static readonly long MaxSeconds = TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond;

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text == "0")
        {
            return true;
        }

        long total = 0;
        var nextUnit = 0;
        var position = 0;
        while (position < text.Length)
        {
            var digitsStart = position;
            while (position < text.Length && char.IsAsciiDigit(text[position]))
            {
                position++;
            }

            // Nine digits of weeks still fit in a long number of seconds, so the sum below cannot overflow.
            var digits = position - digitsStart;
            if (digits is 0 or > 9 || position == text.Length)
            {
                return false;
            }

            var unit = Array.FindIndex(Units, nextUnit, u => u.Unit == text[position]);
            if (unit < 0)
            {
                return false;
            }

            total += long.Parse(text.AsSpan(digitsStart, digits), CultureInfo.InvariantCulture) * Units[unit].Seconds;
            if (total > MaxSeconds)
            {
                return false;
            }

            nextUnit = unit + 1;
            position++;
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    /// <summary>Writes the shortest text that <see cref="TryParse"/> reads back; parts below a second are dropped.</summary>
    public static string Format(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var remaining = duration.Ticks / TimeSpan.TicksPerSecond;
        if (remaining == 0)
        {
            return "0s";
        }

        var text = new StringBuilder();
        foreach (var (unit, seconds) in Units)
        {
            if (remaining >= seconds)
            {
                text.Append(CultureInfo.InvariantCulture, $"{remaining / seconds}{unit}");
                remaining %= seconds;
            }
        }

        return text.ToString();
    }
}
