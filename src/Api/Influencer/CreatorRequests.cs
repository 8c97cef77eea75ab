using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Influencer;

namespace Campaigns.Api.Influencer;

/// <summary>Body of <c>POST /api/creators</c>.</summary>
public sealed record CreateCreatorRequest(string? Name, string? Email, bool? IsActive, List<SocialProfileRequest?>? Profiles)
{
    public CreatorDraft? ToDraft(FieldErrors errors)
    {
        var name = CreatorFields.Name(Name, errors);
        var email = CreatorFields.Email(Email, errors);
        if (Profiles is not { Count: > 0 })
        {
            errors.Add("profiles", "At least one social profile is required.");
        }
        else if (Profiles.Count > CreatorFields.ProfilesMaxCount)
        {
            errors.Add("profiles", $"At most {CreatorFields.ProfilesMaxCount} profiles per creator.");
        }

        var profiles = new List<SocialProfileDraft>();
        for (var i = 0; i < (Profiles?.Count ?? 0); i++)
        {
            if (Profiles![i] is not { } profile)
            {
                errors.Add($"profiles[{i}]", "Expected a profile object.");
            }
            else if (profile.ToDraft($"profiles[{i}].", errors) is { } draft)
            {
                profiles.Add(draft);
            }
        }

        SocialProfileRequest.RefuseDuplicateHandles(profiles, errors);
        return errors.Any ? null : new CreatorDraft(name!, email, IsActive ?? true, profiles);
    }
}

/// <summary>One social profile in a request body: the declared side only; verified numbers come from scraping.</summary>
public sealed record SocialProfileRequest(
    string? Platform,
    string? Username,
    long? FollowersDeclared,
    decimal? EngagementRateDeclared,
    List<string?>? Niches,
    string? Location,
    string? Bio,
    long? FollowingCount,
    long? PostsCount)
{
    public SocialProfileDraft? ToDraft(string prefix, FieldErrors errors)
    {
        var draft = new SocialProfileDraft(
            CreatorFields.Platform(Platform, errors, prefix + "platform") ?? "",
            CreatorFields.Username(Username, errors, prefix + "username") ?? "",
            CreatorFields.Followers(FollowersDeclared, errors, prefix + "followers_declared"),
            CreatorFields.EngagementRate(EngagementRateDeclared, errors, prefix + "engagement_rate_declared"),
            CreatorFields.Niches(Niches, errors, prefix + "niches"),
            CreatorFields.Location(Location, errors, prefix + "location"),
            CreatorFields.Bio(Bio, errors, prefix + "bio"),
            CreatorFields.Count(FollowingCount, errors, prefix + "following_count"),
            CreatorFields.Count(PostsCount, errors, prefix + "posts_count"));
        return errors.Any ? null : draft;
    }

    /// <summary>Two profiles of one request on the same handle would only meet the unique key later, as a 409.</summary>
    public static void RefuseDuplicateHandles(IReadOnlyList<SocialProfileDraft> profiles, FieldErrors errors)
    {
        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < profiles.Count; i++)
        {
            if (!seen.Add((profiles[i].Platform, profiles[i].Username.ToLowerInvariant())))
            {
                errors.Add("profiles", $"{profiles[i].Platform} @{profiles[i].Username} is listed twice.");
            }
        }
    }
}

/// <summary>
/// Body of <c>PATCH /api/creators/{id}</c>: JSON merge patch (RFC 7396) of the creator's own fields. <c>profiles</c>
/// is the exception to whole-array replacement, so verified data is never dropped by accident: an element with an
/// <c>id</c> merge-patches that profile, one without adds a profile, and profiles not listed stay as they are.
/// Declared for the OpenAPI document; parsed by <see cref="CreatorPatch"/>.
/// </summary>
public sealed record PatchCreatorRequest(string? Name, string? Email, bool? IsActive, List<SocialProfileRequest>? Profiles);

/// <summary>Turns a creator merge patch into <see cref="CreatorChanges"/>, naming every refused field.</summary>
public static class CreatorPatch
{
    private static readonly HashSet<string> Immutable = ["id", "created_at", "updated_at"];

    /// <summary>Set only by a profile scrape (seed stage 3), or derived by the database.</summary>
    private static readonly HashSet<string> Verified =
    [
        "followers_verified", "engagement_rate_verified", "followers_actual", "engagement_rate_actual", "is_verified", "last_verified_at",
    ];

    public static CreatorChanges? Parse(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var changes = new CreatorChanges();
        foreach (var member in body.EnumerateObject())
        {
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "name":
                    changes = changes with { Name = CreatorFields.Name(isNull ? null : JsonMembers.Text(member, errors), errors) };
                    break;
                case "email":
                    var email = isNull ? null : CreatorFields.Email(JsonMembers.Text(member, errors), errors);
                    changes = email is null ? changes with { ClearEmail = true } : changes with { Email = email };
                    break;
                case "is_active":
                    changes = changes with { IsActive = JsonMembers.Boolean(member, errors) };
                    break;
                case "profiles":
                    changes = Profiles(member, changes, errors);
                    break;
                case var name when Immutable.Contains(name):
                    errors.Add(name, $"'{name}' cannot be changed.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return errors.Any ? null : changes;
    }

    private static CreatorChanges Profiles(JsonProperty member, CreatorChanges changes, FieldErrors errors)
    {
        if (member.Value.ValueKind != JsonValueKind.Array)
        {
            errors.Add("profiles", "Expected an array of profile changes (with id) or new profiles (without).");
            return changes;
        }

        var changed = new List<ProfileChanges>();
        var added = new List<SocialProfileDraft>();
        var index = 0;
        foreach (var element in member.Value.EnumerateArray())
        {
            var prefix = $"profiles[{index++}].";
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(prefix.TrimEnd('.'), "Expected a profile object.");
                continue;
            }

            var (id, values, fields) = ReadProfile(element, prefix, errors);
            if (element.TryGetProperty("id", out _))
            {
                if (id is { } profileId)
                {
                    changed.Add(new ProfileChanges(profileId, values, fields));
                }

                continue;
            }

            if (!fields.Contains(ProfileField.Platform))
            {
                CreatorFields.Platform(null, errors, prefix + "platform");
            }

            if (!fields.Contains(ProfileField.Username))
            {
                CreatorFields.Username(null, errors, prefix + "username");
            }

            added.Add(values);
        }

        SocialProfileRequest.RefuseDuplicateHandles(added, errors);
        return changes with { ProfileChanges = changed, NewProfiles = added };
    }

    private static (Guid? Id, SocialProfileDraft Values, HashSet<ProfileField> Fields) ReadProfile(JsonElement element, string prefix, FieldErrors errors)
    {
        Guid? id = null;
        var values = new SocialProfileDraft("", "", Niches: []);
        var fields = new HashSet<ProfileField>();
        foreach (var member in element.EnumerateObject())
        {
            var field = prefix + member.Name;
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "id":
                    if (member.Value.ValueKind == JsonValueKind.String && Guid.TryParse(member.Value.GetString(), out var parsed))
                    {
                        id = parsed;
                    }
                    else
                    {
                        errors.Add(field, "Expected the id of one of this creator's profiles.");
                    }

                    break;
                case "platform":
                    values = values with { Platform = CreatorFields.Platform(isNull ? null : JsonMembers.Text(member, errors, field), errors, field) ?? "" };
                    fields.Add(ProfileField.Platform);
                    break;
                case "username":
                    values = values with { Username = CreatorFields.Username(isNull ? null : JsonMembers.Text(member, errors, field), errors, field) ?? "" };
                    fields.Add(ProfileField.Username);
                    break;
                case "followers_declared":
                    values = values with { FollowersDeclared = CreatorFields.Followers(isNull ? null : JsonMembers.Integer(member, errors, field), errors, field) };
                    fields.Add(ProfileField.FollowersDeclared);
                    break;
                case "engagement_rate_declared":
                    values = values with { EngagementRateDeclared = CreatorFields.EngagementRate(isNull ? null : JsonMembers.Decimal(member, errors, field), errors, field) };
                    fields.Add(ProfileField.EngagementRateDeclared);
                    break;
                case "niches":
                    values = values with { Niches = CreatorFields.Niches(isNull ? [] : JsonMembers.TextList(member, errors, field), errors, field) };
                    fields.Add(ProfileField.Niches);
                    break;
                case "location":
                    values = values with { Location = CreatorFields.Location(isNull ? null : JsonMembers.Text(member, errors, field), errors, field) };
                    fields.Add(ProfileField.Location);
                    break;
                case "bio":
                    values = values with { Bio = CreatorFields.Bio(isNull ? null : JsonMembers.Text(member, errors, field), errors, field) };
                    fields.Add(ProfileField.Bio);
                    break;
                case "following_count":
                    values = values with { FollowingCount = CreatorFields.Count(isNull ? null : JsonMembers.Integer(member, errors, field), errors, field) };
                    fields.Add(ProfileField.FollowingCount);
                    break;
                case "posts_count":
                    values = values with { PostsCount = CreatorFields.Count(isNull ? null : JsonMembers.Integer(member, errors, field), errors, field) };
                    fields.Add(ProfileField.PostsCount);
                    break;
                case var name when Verified.Contains(name):
                    errors.Add(field, $"'{name}' is set by verification (a profile scrape), not by callers.");
                    break;
                case "created_at" or "updated_at":
                    errors.Add(field, $"'{member.Name}' cannot be changed.");
                    break;
                default:
                    errors.Add(field, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        return (id, values, fields);
    }
}
