using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Campaigns.Simulators.Telegram;

/// <summary>
/// A Bot API method's parameters, wherever the caller put them: the query string, a form body or a JSON body
/// (the Bot API accepts all three; Telegram.Bot sends JSON).
/// </summary>
internal sealed class TelegramArguments
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public static async Task<TelegramArguments> Read(HttpRequest request, CancellationToken cancellationToken)
    {
        var arguments = new TelegramArguments();
        foreach (var (key, value) in request.Query)
        {
            arguments.values[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                arguments.values[key] = value.ToString();
            }
        }
        else if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in document.RootElement.EnumerateObject())
                    {
                        arguments.values[member.Name] = member.Value.ValueKind == JsonValueKind.String
                            ? member.Value.GetString() ?? ""
                            : member.Value.GetRawText();
                    }
                }
            }
            catch (JsonException)
            {
                arguments.Malformed = true;
            }
        }

        return arguments;
    }

    /// <summary>The body was not JSON: Telegram answers 400.</summary>
    public bool Malformed { get; private set; }

    public string? Text(string name) => values.TryGetValue(name, out var value) ? value : null;

    public long? Long(string name) =>
        values.TryGetValue(name, out var value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
