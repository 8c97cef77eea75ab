using System.Text.Json.Nodes;

namespace Campaigns.Simulators.Telegram;

/// <summary>The JSON of the updates the simulator injects, shaped as the Bot API sends them.</summary>
internal static class TelegramUpdates
{
    public static JsonObject User(TelegramUser user)
    {
        var json = new JsonObject { ["id"] = user.Id, ["is_bot"] = user.IsBot, ["first_name"] = user.FirstName };
        if (user.LastName is not null)
        {
            json["last_name"] = user.LastName;
        }

        if (user.Username is not null)
        {
            json["username"] = user.Username;
        }

        return json;
    }

    public static JsonObject PrivateChat(TelegramUser user)
    {
        var json = User(user);
        json.Remove("is_bot");
        json["type"] = "private";
        return json;
    }

    public static JsonObject GroupChat(TelegramGroup group) =>
        new() { ["id"] = group.Id, ["type"] = group.Type, ["title"] = group.Title };

    public static JsonObject PrivateMessage(long messageId, TelegramUser from, string text, long date)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(from),
            ["chat"] = PrivateChat(from),
            ["date"] = date,
            ["text"] = text,
        };
        AddCommand(message, text);
        return new JsonObject { ["message"] = message };
    }

    public static JsonObject GroupMessage(long messageId, TelegramGroup group, TelegramUser from, string text, long date)
    {
        var message = new JsonObject
        {
            ["message_id"] = messageId,
            ["chat"] = GroupChat(group),
            ["date"] = date,
            ["text"] = text,
        };
        if (group.Type == "channel")
        {
            message["sender_chat"] = GroupChat(group);
            return new JsonObject { ["channel_post"] = message };
        }

        message["from"] = User(from);
        AddCommand(message, text);
        return new JsonObject { ["message"] = message };
    }

    /// <summary>The bot's membership changed (added to or removed from a group or channel).</summary>
    public static JsonObject MyChatMember(TelegramGroup group, TelegramUser by, TelegramUser bot, bool joined, long date) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = GroupChat(group),
            ["from"] = User(by),
            ["date"] = date,
            ["old_chat_member"] = Member(bot, joined ? "left" : "member"),
            ["new_chat_member"] = Member(bot, joined ? "member" : "left"),
        },
    };

    public static JsonObject NewMembers(long messageId, TelegramGroup group, TelegramUser by, IEnumerable<TelegramUser> joined, long date) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = User(by),
            ["chat"] = GroupChat(group),
            ["date"] = date,
            ["new_chat_members"] = new JsonArray(joined.Select(u => (JsonNode)User(u)).ToArray()),
        },
    };

    private static JsonObject Member(TelegramUser user, string status) => new() { ["status"] = status, ["user"] = User(user) };

    private static void AddCommand(JsonObject message, string text)
    {
        if (text.StartsWith('/'))
        {
            var length = text.IndexOf(' ') is var space and > 0 ? space : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = length });
        }
    }
}
