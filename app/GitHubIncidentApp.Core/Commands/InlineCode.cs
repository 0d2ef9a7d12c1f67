namespace GitHubIncidentApp.Core.Commands;

/// <summary>
/// Quotes what a responder typed in a reply. A code span shows it as typed and keeps an <c>@login</c> in it
/// from notifying anyone; long text is cut, since a reply only needs to point at it.
/// </summary>
internal static class InlineCode
{
    private const int MaxLength = 40;

    public static string Of(string text)
    {
        // Cutting between the halves of a surrogate pair would leave half a character.
        var cut = text.Length > MaxLength && char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
        var shown = text.Length > MaxLength ? string.Concat(text.AsSpan(0, cut), "…") : text;
        // A backtick would end the span early.
        return $"`{shown.Replace('`', '\'')}`";
    }
}
