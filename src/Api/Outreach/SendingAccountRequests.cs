using System.Text.Json;
using System.Text.RegularExpressions;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Influencer;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Tenancy;
using Campaigns.Infrastructure;
using Campaigns.Outreach;

namespace Campaigns.Api.Outreach;

/// <summary>Body of <c>POST /api/sending-accounts</c> (and, every member optional, its PATCH); declared for the OpenAPI document, parsed by <see cref="SendingAccountBody"/>.</summary>
public sealed record SendingAccountRequest(string? Name, string? BotToken, int? DailyCap, UpdatesMode? Updates, SendingAccountStatus? Status);

/// <summary>A sending account as the API answers it: the bot's id and username identify it, the token is never shown.</summary>
public sealed record SendingAccountResponse(
    Guid Id, string Name, long BotUserId, string? BotUsername, UpdatesMode Updates, int DailyCap, SendingAccountStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static SendingAccountResponse From(SendingAccountView a) =>
        new(a.Id, a.Name, a.BotUserId, a.BotUsername, a.Updates, a.DailyCap, a.Status, a.CreatedAt, a.UpdatedAt);
}

/// <summary>The seed's agent: a sending account with what it sent today (UTC).</summary>
public sealed record AgentResponse(Guid Id, string Name, string? BotUsername, SendingAccountStatus Status, int DailyCap, int SentToday)
{
    public static AgentResponse From(SendingAgent a) => new(a.Id, a.Name, a.BotUsername, a.Status, a.DailyCap, a.SentToday);
}

/// <summary>Reads a sending-account body member by member, naming unknown, read-only and malformed members.</summary>
public static partial class SendingAccountBody
{
    public const int MaxName = 200;
    public const int MaxDailyCap = 1_000_000;
    private static readonly HashSet<string> ReadOnly = ["id", "bot_user_id", "bot_username", "created_at", "updated_at"];

    public static SendingAccountDraft? ParseCreate(JsonElement body, FieldErrors errors)
    {
        if (Parse(body, errors, creating: true) is not { } values)
        {
            return null;
        }

        if (values.Name is null)
        {
            errors.Add("name", "name is required.");
        }

        if (values.BotToken is null)
        {
            errors.Add("bot_token", "bot_token is required: the token @BotFather gave for the bot.");
        }

        return errors.Any ? null : new SendingAccountDraft(values.Name!, values.BotToken!, values.DailyCap, values.Updates ?? UpdatesMode.Polling);
    }

    public static SendingAccountChanges? Parse(JsonElement body, FieldErrors errors, bool creating = false)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var changes = new SendingAccountChanges();
        foreach (var member in body.EnumerateObject())
        {
            switch (member.Name)
            {
                case "name":
                    changes = changes with { Name = Name(member, errors) };
                    break;
                case "bot_token":
                    changes = changes with { BotToken = Token(member, errors) };
                    break;
                case "daily_cap" when member.Value.ValueKind == JsonValueKind.Null && creating:
                    break;
                case "daily_cap":
                    var cap = JsonMembers.Integer(member, errors, expected: $"daily_cap must be a whole number from 1 to {MaxDailyCap}.");
                    if (cap is < 1 or > MaxDailyCap)
                    {
                        errors.Add("daily_cap", $"daily_cap must be a whole number from 1 to {MaxDailyCap}.");
                    }

                    changes = changes with { DailyCap = (int?)cap };
                    break;
                case "updates":
                    changes = changes with
                    {
                        Updates = JsonMembers.Text(member, errors) switch
                        {
                            "polling" => UpdatesMode.Polling,
                            "webhook" => UpdatesMode.Webhook,
                            _ => Refuse<UpdatesMode>(errors, "updates", "updates must be \"polling\" or \"webhook\"."),
                        },
                    };
                    break;
                case "status" when !creating:
                    changes = changes with
                    {
                        Status = JsonMembers.Text(member, errors) switch
                        {
                            "active" => SendingAccountStatus.Active,
                            "disabled" => SendingAccountStatus.Disabled,
                            _ => Refuse<SendingAccountStatus>(errors, "status",
                                "status must be \"active\" or \"disabled\" (token_refused is set by Telegram's answer; a new bot_token lifts it)."),
                        },
                    };
                    break;
                case var name when ReadOnly.Contains(name) || name == "status":
                    errors.Add(name, $"'{name}' cannot be set.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return errors.Any ? null : changes;
    }

    /// <summary>Not a string, blank or too long are all "1 to N characters".</summary>
    private static string? Name(JsonProperty member, FieldErrors errors) =>
        FieldRules.RequiredName(JsonMembers.Text(member, errors), errors, "name", NameRule.Bounded("name", MaxName) with { Missing = $"name must be 1 to {MaxName} characters." });

    /// <summary>The shape @BotFather gives (<c>123456789:AA…</c>); anything else is refused without asking Telegram.</summary>
    private static string? Token(JsonProperty member, FieldErrors errors)
    {
        var token = JsonMembers.Text(member, errors)?.Trim();
        if (token is null || !TokenPattern().IsMatch(token))
        {
            errors.Add("bot_token", "bot_token must be a bot token as @BotFather gives it: the bot's id, a colon and the secret.");
            return null;
        }

        return token;
    }

    private static T? Refuse<T>(FieldErrors errors, string field, string message) where T : struct
    {
        errors.Add(field, message);
        return null;
    }

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,200}$")]
    private static partial Regex TokenPattern();
}
