using System.Text.Json;
using Campaigns.Api.Audit;
using Campaigns.Api.Campaigns;
using Campaigns.Api.Crm;
using Campaigns.Api.Infrastructure;
using Campaigns.Api.Templates;
using Campaigns.Api.Tenancy;
using Campaigns.Influencer;

namespace Campaigns.Api.Influencer;

/// <summary>
/// A creator as callers write it: the body of <c>POST /api/creators</c>, and the model <c>PATCH /api/creators/{id}</c>
/// merge-patches (RFC 7396). One model and one set of field rules for both: a create checks every member, a patch only
/// the members it sent. <c>profiles</c> is the exception to whole-array replacement in a patch, so verified data is never
/// dropped by accident: an element with an <c>id</c> merge-patches that profile, one without adds a profile, and profiles
/// not listed stay as they are.
/// </summary>
public sealed record CreatorRequest(string? Name, string? Email, bool? IsActive, List<SocialProfileRequest?>? Profiles)
{
    private static readonly HashSet<string> Immutable = ["id", "created_at", "updated_at"];

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

    /// <summary>Turns a merge patch into <see cref="CreatorChanges"/>, naming every refused field.</summary>
    public static CreatorChanges? ParsePatch(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "Expected a JSON object.");
            return null;
        }

        var request = new CreatorRequest(null, null, null, null);
        var sent = new HashSet<string>();
        var changes = new CreatorChanges();
        foreach (var member in body.EnumerateObject())
        {
            var isNull = member.Value.ValueKind == JsonValueKind.Null;
            switch (member.Name)
            {
                case "name":
                    request = request with { Name = isNull ? null : JsonMembers.Text(member, errors) };
                    sent.Add(member.Name);
                    break;
                case "email":
                    request = request with { Email = isNull ? null : JsonMembers.Text(member, errors) };
                    sent.Add(member.Name);
                    break;
                case "is_active":
                    request = request with { IsActive = JsonMembers.Boolean(member, errors) };
                    sent.Add(member.Name);
                    break;
                case "profiles":
                    changes = CreatorProfilePatch.Read(member, changes, errors);
                    break;
                case var name when Immutable.Contains(name):
                    errors.Add(name, $"'{name}' cannot be changed.");
                    break;
                default:
                    errors.Add(member.Name, $"Unknown field '{member.Name}'.");
                    break;
            }
        }

        changes = request.Changes(changes, errors, sent);
        return errors.Any ? null : changes;
    }

    /// <summary>The creator's own members a patch sent, checked by the same rules as a create.</summary>
    private CreatorChanges Changes(CreatorChanges changes, FieldErrors errors, IReadOnlySet<string> sent)
    {
        if (sent.Contains("name"))
        {
            changes = changes with { Name = CreatorFields.Name(Name, errors) };
        }

        if (sent.Contains("email"))
        {
            // Null or blank clears the address.
            var email = CreatorFields.Email(Email, errors);
            changes = email is null ? changes with { ClearEmail = true } : changes with { Email = email };
        }

        return sent.Contains("is_active") ? changes with { IsActive = IsActive } : changes;
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
    public static SocialProfileRequest Empty { get; } = new(null, null, null, null, null, null, null, null, null);

    public SocialProfileDraft? ToDraft(string prefix, FieldErrors errors)
    {
        var draft = Validate(prefix, errors);
        return errors.Any ? null : draft;
    }

    /// <summary>The profile's fields by the one set of rules, each error named under <paramref name="prefix"/>.</summary>
    /// <param name="sent">The fields a patch sent (only those are checked, the rest left empty); null checks all (a create).</param>
    public SocialProfileDraft Validate(string prefix, FieldErrors errors, IReadOnlySet<ProfileField>? sent = null)
    {
        bool Sent(ProfileField field) => sent is null || sent.Contains(field);
        return new SocialProfileDraft(
            Sent(ProfileField.Platform) ? CreatorFields.Platform(Platform, errors, prefix + "platform") ?? "" : "",
            Sent(ProfileField.Username) ? CreatorFields.Username(Username, errors, prefix + "username") ?? "" : "",
            Sent(ProfileField.FollowersDeclared) ? CreatorFields.Followers(FollowersDeclared, errors, prefix + "followers_declared") : null,
            Sent(ProfileField.EngagementRateDeclared) ? CreatorFields.EngagementRate(EngagementRateDeclared, errors, prefix + "engagement_rate_declared") : null,
            Sent(ProfileField.Niches) ? CreatorFields.Niches(Niches, errors, prefix + "niches") : [],
            Sent(ProfileField.Location) ? CreatorFields.Location(Location, errors, prefix + "location") : null,
            Sent(ProfileField.Bio) ? CreatorFields.Bio(Bio, errors, prefix + "bio") : null,
            Sent(ProfileField.FollowingCount) ? CreatorFields.Count(FollowingCount, errors, prefix + "following_count") : null,
            Sent(ProfileField.PostsCount) ? CreatorFields.Count(PostsCount, errors, prefix + "posts_count") : null);
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

/// <summary>The <c>profiles</c> member of a creator merge patch: changes to profiles by id, and new profiles.</summary>
internal static class CreatorProfilePatch
{
    /// <summary>Set only by a profile scrape (a profile's verification), or derived by the database.</summary>
    private static readonly HashSet<string> Verified =
    [
        "followers_verified", "engagement_rate_verified", "followers_actual", "engagement_rate_actual", "is_verified", "last_verified_at",
    ];

    public static CreatorChanges Read(JsonProperty member, CreatorChanges changes, FieldErrors errors)
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

            var (id, request, fields) = ReadProfile(element, prefix, errors);
            if (element.TryGetProperty("id", out _))
            {
                var values = request.Validate(prefix, errors, fields);
                if (id is { } profileId)
                {
                    changed.Add(new ProfileChanges(profileId, values, fields));
                }

                continue;
            }

            // A new profile needs its handle, sent or not.
            added.Add(request.Validate(prefix, errors, new HashSet<ProfileField>(fields) { ProfileField.Platform, ProfileField.Username }));
        }

        SocialProfileRequest.RefuseDuplicateHandles(added, errors);
        return changes with { ProfileChanges = changed, NewProfiles = added };
    }

    /// <summary>Reads one element into the request model and the fields it sent; only JSON types are checked here.</summary>
    private static (Guid? Id, SocialProfileRequest Request, HashSet<ProfileField> Fields) ReadProfile(JsonElement element, string prefix, FieldErrors errors)
    {
        Guid? id = null;
        var request = SocialProfileRequest.Empty;
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
                    request = request with { Platform = isNull ? null : JsonMembers.Text(member, errors, field) };
                    fields.Add(ProfileField.Platform);
                    break;
                case "username":
                    request = request with { Username = isNull ? null : JsonMembers.Text(member, errors, field) };
                    fields.Add(ProfileField.Username);
                    break;
                case "followers_declared":
                    request = request with { FollowersDeclared = isNull ? null : JsonMembers.Integer(member, errors, field) };
                    fields.Add(ProfileField.FollowersDeclared);
                    break;
                case "engagement_rate_declared":
                    request = request with { EngagementRateDeclared = isNull ? null : JsonMembers.Decimal(member, errors, field) };
                    fields.Add(ProfileField.EngagementRateDeclared);
                    break;
                case "niches":
                    request = request with { Niches = isNull ? [] : JsonMembers.TextList(member, errors, field) };
                    fields.Add(ProfileField.Niches);
                    break;
                case "location":
                    request = request with { Location = isNull ? null : JsonMembers.Text(member, errors, field) };
                    fields.Add(ProfileField.Location);
                    break;
                case "bio":
                    request = request with { Bio = isNull ? null : JsonMembers.Text(member, errors, field) };
                    fields.Add(ProfileField.Bio);
                    break;
                case "following_count":
                    request = request with { FollowingCount = isNull ? null : JsonMembers.Integer(member, errors, field) };
                    fields.Add(ProfileField.FollowingCount);
                    break;
                case "posts_count":
                    request = request with { PostsCount = isNull ? null : JsonMembers.Integer(member, errors, field) };
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

        return (id, request, fields);
    }
}
