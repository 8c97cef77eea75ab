using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Outreach;
using Campaigns.Infrastructure;

namespace Campaigns.Api.Infrastructure;

/// <summary>
/// Text the product can store and send: PostgreSQL refuses NUL (U+0000) in text, and a lone UTF-16 surrogate cannot be
/// encoded as UTF-8 for the database, Telegram or any JSON answer. Such text is refused at the edge with the field's name
/// instead of failing deep inside a write (docs/ARCHITECTURE.md, "Text from outside").
/// </summary>
public static class StorableText
{
    public const string Refusal = "Text must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates.";

    public static bool IsStorable(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
