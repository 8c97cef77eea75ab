
namespace Campaigns.Influencer;

/// <summary>Applies a partial change to a profile's declared side; shared by PATCH and CSV re-import.</summary>
public static class ProfileEditing
{
    public static SocialProfileDraft Apply(SocialProfileDraft current, SocialProfileDraft values, IReadOnlySet<ProfileField> fields) => current with
    {
        Platform = fields.Contains(ProfileField.Platform) ? values.Platform : current.Platform,
        Username = fields.Contains(ProfileField.Username) ? values.Username : current.Username,
        FollowersDeclared = fields.Contains(ProfileField.FollowersDeclared) ? values.FollowersDeclared : current.FollowersDeclared,
        EngagementRateDeclared = fields.Contains(ProfileField.EngagementRateDeclared) ? values.EngagementRateDeclared : current.EngagementRateDeclared,
        Niches = fields.Contains(ProfileField.Niches) ? values.Niches : current.Niches,
        Location = fields.Contains(ProfileField.Location) ? values.Location : current.Location,
        Bio = fields.Contains(ProfileField.Bio) ? values.Bio : current.Bio,
        FollowingCount = fields.Contains(ProfileField.FollowingCount) ? values.FollowingCount : current.FollowingCount,
        PostsCount = fields.Contains(ProfileField.PostsCount) ? values.PostsCount : current.PostsCount,
    };
}
